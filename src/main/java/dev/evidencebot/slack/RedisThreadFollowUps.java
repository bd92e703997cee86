package dev.evidencebot.slack;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open threads in Redis, so a follow-up without a mention is recognised whichever replica Slack's
 * event reaches: the count of follow-ups used, expiring {@link #WINDOW} after the bot's last answer.
 * If Redis fails, the follow-up needs a mention (the safe side: the bot stays quiet).
 */
final class RedisThreadFollowUps implements ThreadFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(RedisThreadFollowUps.class);
    static final String PREFIX = "evidence-bot:slack-thread:";
    // INCR keeps the key's expiry, so the window still runs from the bot's last answer
    private static final String CLAIM = """
            local used = redis.call('GET', KEYS[1])
            if not used or tonumber(used) >= tonumber(ARGV[1]) then return 0 end
            redis.call('INCR', KEYS[1])
            return 1""";

    private final StatefulRedisConnection<String, String> redis;

    RedisThreadFollowUps(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public void open(String thread) {
        try {
            redis.sync().psetex(PREFIX + thread, WINDOW.toMillis(), "0");
        } catch (RedisException e) {
            LOG.warn("cannot open Slack thread {} in Redis: {}", thread, e.toString());
        }
    }

    @Override
    public boolean claim(String thread) {
        try {
            Long claimed = redis.sync().eval(CLAIM, ScriptOutputType.INTEGER, new String[] {PREFIX + thread},
                    Integer.toString(MAX_FOLLOW_UPS));
            return claimed != null && claimed == 1L;
        } catch (RedisException e) {
            LOG.warn("cannot read Slack thread {} from Redis: {}", thread, e.toString());
            return false;
        }
    }
}
