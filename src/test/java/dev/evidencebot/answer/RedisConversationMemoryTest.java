package dev.evidencebot.answer;

import dev.evidencebot.redis.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversation memory in a real Redis: what a second replica reads, how long it lasts, and Redis going away. */
class RedisConversationMemoryTest {

    private LocalRedis redis;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        client = redis.client();
        connection = client.connect();
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void anotherReplicaReadsTheLastTurnsBoundedLikeTheLocalMemory() {
        ConversationMemory one = new RedisConversationMemory(connection, 2, Duration.ofMinutes(30));
        ConversationMemory other = new RedisConversationMemory(client.connect(), 2, Duration.ofMinutes(30));

        one.remember("c", new Turn("q1", "q1", "a1", List.of()));
        one.remember("c", new Turn("q2", "q2", "a2", List.of("p1")));
        other.remember("c", new Turn("q3", "q3 standalone", "x".repeat(10_000), List.of("p2", "p3")));

        List<Turn> turns = other.recent("c");
        assertEquals(List.of("q2", "q3"), turns.stream().map(Turn::question).toList());
        assertEquals(new Turn("q2", "q2", "a2", List.of("p1")), turns.get(0));
        assertEquals(ConversationMemory.MAX_ANSWER_CHARS, turns.get(1).answer().length());
        assertEquals(List.of("p2", "p3"), one.recent("c").get(1).passageIds());
        assertEquals(List.of(), one.recent("unknown"));
    }

    @Test
    void aConversationExpiresAfterItsTimeToLiveAndAReadRestartsIt() {
        ConversationMemory memory = new RedisConversationMemory(connection, 6, Duration.ofMinutes(30));
        memory.remember("c", new Turn("q1", "q1", "a1", List.of()));
        String key = RedisConversationMemory.PREFIX + "c";
        connection.sync().pexpire(key, 5_000); // as if 29 minutes 55 seconds had passed

        memory.recent("c");

        long left = connection.sync().pttl(key);
        assertTrue(left > 5_000 && left <= Duration.ofMinutes(30).toMillis(), "a read restarts the time-to-live: " + left);
        connection.sync().pexpire(key, 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (connection.sync().exists(key) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(), memory.recent("c"), "expired: forgotten");
    }

    @Test
    void redisGoingAwayCostsFollowUpsTheirContextNotAnError() throws Exception {
        ConversationMemory memory = new RedisConversationMemory(connection, 6, Duration.ofMinutes(30));
        memory.remember("c", new Turn("q1", "q1", "a1", List.of()));

        redis.close();
        redis = null;

        memory.remember("c", new Turn("q2", "q2", "a2", List.of()));
        assertEquals(List.of(), memory.recent("c"));
    }
}
