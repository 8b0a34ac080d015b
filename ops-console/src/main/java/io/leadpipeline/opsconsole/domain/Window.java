package io.leadpipeline.opsconsole.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** The time windows the console reports over; {@link #ALL} is everything read since the topics began. */
public enum Window {
    LAST_HOUR("1h", Duration.ofHours(1)),
    LAST_DAY("24h", Duration.ofDays(1)),
    LAST_WEEK("7d", Duration.ofDays(7)),
    ALL("all", null);

    /** How far back per-minute counters and latency samples are kept: the longest finite window. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private final String code;
    private final Duration length;

    Window(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    public String code() {
        return code;
    }

    public static Optional<Window> parse(String code) {
        return Arrays.stream(values()).filter(window -> window.code.equalsIgnoreCase(code)).findFirst();
    }

    /** The first instant inside the window ending at {@code now}; {@link Instant#MIN} for {@link #ALL}. */
    public Instant start(Instant now) {
        return length == null ? Instant.MIN : now.minus(length);
    }

    public boolean contains(Instant at, Instant now) {
        return !at.isBefore(start(now));
    }
}
