package dev.evidencebot.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversations in Redis, so a follow-up answered by another replica keeps its thread. Each
 * conversation is a list of JSON turns under {@code evidence-bot:conversation:<id>}, trimmed to
 * the last turns and expiring after the time-to-live without a read or a write, as the local
 * memory does. Each call is one Lua script: append, trim and expire happen together or not at all.
 *
 * <p>Redis being down or slow costs follow-ups their context (the gate then treats them as new
 * questions), never an answer: every failure is logged and read as "no turns".
 */
final class RedisConversationMemory implements ConversationMemory {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConversationMemory.class);
    static final String PREFIX = "evidence-bot:conversation:";

    private static final String REMEMBER = """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";
    // a read is an access: it restarts the time-to-live, like Caffeine's expireAfterAccess
    private static final String RECENT = """
            local turns = redis.call('LRANGE', KEYS[1], 0, -1)
            if #turns > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return turns""";

    private final StatefulRedisConnection<String, String> redis;
    private final int maxTurns;
    private final String ttlMillis;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong failures = new AtomicLong();

    RedisConversationMemory(StatefulRedisConnection<String, String> redis, int maxTurns, Duration ttl) {
        this.redis = redis;
        this.maxTurns = maxTurns;
        this.ttlMillis = Long.toString(ttl.toMillis());
    }

    @Override
    public List<Turn> recent(String conversationId) {
        try {
            List<String> stored = redis.sync().eval(RECENT, ScriptOutputType.MULTI, new String[] {PREFIX + conversationId}, ttlMillis);
            List<Turn> turns = new ArrayList<>(stored.size());
            for (String turn : stored) {
                turns.add(json.readValue(turn, Turn.class));
            }
            return List.copyOf(turns);
        } catch (RedisException | JsonProcessingException e) {
            failed("read conversation " + conversationId, e);
            return List.of();
        }
    }

    @Override
    public void remember(String conversationId, Turn turn) {
        try {
            redis.sync().eval(REMEMBER, ScriptOutputType.INTEGER, new String[] {PREFIX + conversationId},
                    json.writeValueAsString(ConversationMemory.bounded(turn)), Integer.toString(maxTurns), ttlMillis);
        } catch (RedisException | JsonProcessingException e) {
            failed("remember a turn of conversation " + conversationId, e);
        }
    }

    /** One line per failure at first, then one in a hundred: a Redis outage must not flood the log. */
    private void failed(String what, Exception e) {
        long count = failures.incrementAndGet();
        if (count <= 10 || count % 100 == 0) {
            LOG.warn("cannot {} in Redis ({} failures so far): {}", what, count, e.toString());
        }
    }
}
