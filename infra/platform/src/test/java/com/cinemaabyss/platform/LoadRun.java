package com.cinemaabyss.platform;

import com.cinemaabyss.kit.test.TestHttp;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** A fortio-like burst: {@code requests} GETs over {@code connections} concurrent callers, counted by status and backend. */
final class LoadRun {

    record Result(Map<Integer, Integer> statuses, Map<String, Integer> backends, int fallbacks) {
    }

    private LoadRun() {
    }

    static Result get(TestHttp target, String path, int connections, int requests) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> backends = new TreeMap<>();
        int fallbacks = 0;
        try (ExecutorService callers = Executors.newFixedThreadPool(connections)) {
            List<Future<HttpResponse<String>>> calls = IntStream.range(0, requests)
                    .mapToObj(i -> callers.submit(() -> target.get(path))).toList();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                backends.merge(response.headers().firstValue("X-Backend").orElse("none"), 1, Integer::sum);
                if (response.headers().firstValue("X-Fallback").isPresent()) {
                    fallbacks++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("load run failed", e);
        }
        return new Result(statuses, backends, fallbacks);
    }
}
