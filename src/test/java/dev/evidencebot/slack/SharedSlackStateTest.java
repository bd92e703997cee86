package dev.evidencebot.slack;

import dev.evidencebot.redis.LocalRedis;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack's short-lived state in a real Redis, as two replicas see it: a retry or a replay reaching
 * the other replica is known there, and a thread one replica answered takes follow-ups on the other.
 */
class SharedSlackStateTest {

    private LocalRedis redis;
    private RedisClient client;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        client = redis.client();
    }

    @AfterEach
    void stop() throws Exception {
        client.shutdown();
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aRetriedEventReachingTheOtherReplicaIsNotAnsweredAgain() {
        SeenEvents one = new SeenEvents(new RedisSightings(client.connect()));
        SeenEvents other = new SeenEvents(new RedisSightings(client.connect()));

        assertTrue(one.firstSighting("Ev0123"));
        assertFalse(other.firstSighting("Ev0123"), "the retry went to the other replica");
        assertTrue(other.firstSighting("Ev0456"));
    }

    @Test
    void aReplayedRequestReachingTheOtherReplicaIsRefused() {
        Clock now = Clock.systemUTC();
        RequestSignatures one = new RequestSignatures(SlackRequests.SECRET, now, new RedisSightings(client.connect()));
        RequestSignatures other = new RequestSignatures(SlackRequests.SECRET, now, new RedisSightings(client.connect()));
        byte[] body = "command=%2Fask&text=Does+Semax+reduce+anxiety%3F".getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(now.instant().getEpochSecond());
        String signature = SlackRequests.sign(SlackRequests.SECRET, timestamp, new String(body, StandardCharsets.UTF_8));

        assertEquals(RequestSignatures.Verdict.ACCEPTED, one.check(timestamp, signature, body));
        assertEquals(RequestSignatures.Verdict.REPLAYED, other.check(timestamp, signature, body));
    }

    @Test
    void aThreadAnsweredByOneReplicaTakesFollowUpsOnTheOtherUpToTheLimit() {
        ThreadFollowUps one = new RedisThreadFollowUps(client.connect());
        ThreadFollowUps other = new RedisThreadFollowUps(client.connect());

        assertFalse(other.claim("T1/C1/1700000000.000100"), "not answered yet: needs a mention");
        one.open("T1/C1/1700000000.000100");
        int claimed = 0;
        for (int i = 0; i < ThreadFollowUps.MAX_FOLLOW_UPS + 3; i++) {
            claimed += (i % 2 == 0 ? other : one).claim("T1/C1/1700000000.000100") ? 1 : 0;
        }

        assertEquals(ThreadFollowUps.MAX_FOLLOW_UPS, claimed, "the limit holds across replicas");
        long ttl = client.connect().sync().pttl(RedisThreadFollowUps.PREFIX + "T1/C1/1700000000.000100");
        assertTrue(ttl > 0 && ttl <= ThreadFollowUps.WINDOW.toMillis(), "the window expires: " + ttl);
    }

    @Test
    void withRedisConfiguredTheSlackDoorKeepsItsStateThere() {
        try (io.micronaut.context.ApplicationContext context = io.micronaut.context.ApplicationContext.run(java.util.Map.of(
                SlackConfig.PREFIX + ".signing-secret", SlackRequests.SECRET, "redis.url", redis.url(),
                "corpus.watch", false), "test")) {
            assertTrue(context.getBean(ThreadFollowUps.class) instanceof RedisThreadFollowUps);
            assertTrue(context.getBean(Sightings.class) instanceof RedisSightings);
            assertTrue(context.getBean(SeenEvents.class).firstSighting("EvWired"));
            assertFalse(new SeenEvents(new RedisSightings(client.connect())).firstSighting("EvWired"), "seen in Redis");
        }
    }

    @Test
    void redisGoingAwayFallsBackToThisReplicasMemory() throws Exception {
        SeenEvents seen = new SeenEvents(new RedisSightings(client.connect()));
        redis.close();
        redis = null;

        assertTrue(seen.firstSighting("Ev0789"));
        assertFalse(seen.firstSighting("Ev0789"), "still answered once on this replica");
    }
}
