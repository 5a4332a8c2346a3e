package com.cinemaabyss.events.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code noOpIngest}: serve {@link NoOpIngestRoutes#PATH}, the ingest benchmark's floor. Off unless the benchmark
 * (infra/bench) starts the service with {@code CINEMAABYSS_BENCH_NO_OP_INGEST=true}; the chart never sets it.
 */
@ConfigurationProperties("cinemaabyss.bench")
public record BenchSettings(@DefaultValue("false") boolean noOpIngest) {
}
