package org.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Where the throughput feed starts: the usual date while the feed ends before now, earlier when it would not. */
class BenchFeedStartTest {
    static final Instant NOW = Instant.parse("2026-12-05T01:30:00Z");

    @Test
    void aFeedThatEndsBeforeNowStartsOnTheUsualDate() {
        assertThat(BenchRunner.feedStart(100_000, NOW)).isEqualTo(ArticleGenerator.DEFAULT_START);
    }

    @Test
    void aFeedThatWouldReachPastNowStartsEarlyEnoughToEndBeforeIt() {
        int articles = 1_000_000;
        Instant start = BenchRunner.feedStart(articles, NOW);
        assertThat(start).isBefore(ArticleGenerator.DEFAULT_START);
        var feed = new ArticleGenerator(7, start).articles(articles / 100);
        assertThat(start.plus(Duration.ofDays(articles / ArticleGenerator.ARTICLES_PER_DAY))).isBefore(NOW);
        assertThat(feed.get(0).getPublishedAt()).isAfterOrEqualTo(start);
    }
}
