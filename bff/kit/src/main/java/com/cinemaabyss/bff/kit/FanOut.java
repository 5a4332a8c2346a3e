package com.cinemaabyss.bff.kit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a screen's parts at once, one virtual thread each, and waits for each until its own budget ends; a late part is
 * cancelled (its thread interrupted, its HTTP call abandoned). JDK 25's StructuredTaskScope is still a preview API, so
 * this is a virtual-thread executor with per-part deadlines: the screen's wait is its slowest part's budget at most.
 * Each part runs in the span of the request that forked it, so its calls to the functions join the request's trace.
 */
public final class FanOut implements AutoCloseable {

    private final ExecutorService threads;

    public FanOut() {
        this(null);
    }

    /** {@code tracer}: whose current span the parts run in; null for none. */
    public FanOut(Tracer tracer) {
        this.threads = tracer == null ? Executors.newVirtualThreadPerTaskExecutor() : new InSpan(tracer, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Runs each task with the span that was current when it was submitted. */
    private static final class InSpan extends AbstractExecutorService {
        private final Tracer tracer;
        private final ExecutorService threads;

        InSpan(Tracer tracer, ExecutorService threads) {
            this.tracer = tracer;
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            Span span = tracer.currentSpan();
            threads.execute(span == null ? task : () -> {
                try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                    task.run();
                }
            });
        }

        @Override
        public void shutdown() {
            threads.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return threads.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return threads.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return threads.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
            return threads.awaitTermination(timeout, unit);
        }
    }

    public Screen screen() {
        return new Screen(threads);
    }

    /** Runs items at once inside one part's budget; the results in order, null for an item that failed or was late. */
    public <I, T> List<T> each(List<I> items, Budget budget, Function<I, T> task) {
        List<Future<T>> futures = new ArrayList<>(items.size());
        for (I item : items) {
            futures.add(threads.submit(() -> task.apply(item)));
        }
        List<T> results = new ArrayList<>(items.size());
        for (Future<T> future : futures) {
            results.add(Screen.await(future, budget).value());
        }
        return results;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** One screen's parts. */
    public static final class Screen {

        private final ExecutorService threads;
        private final List<Part<?>> parts = new ArrayList<>();

        Screen(ExecutorService threads) {
            this.threads = threads;
        }

        /** Starts a part now; it has {@code budget} to finish, and gets its {@link Budget} to pass on to its calls. */
        public <T> Part<T> fork(String name, Duration budget, Function<Budget, T> task) {
            Budget deadline = Budget.of(budget);
            Part<T> part = new Part<>(name, deadline, threads.submit(() -> task.apply(deadline)));
            parts.add(part);
            return part;
        }

        /**
         * Waits for every part (each at most until its deadline). A part that failed because the caller's token was
         * refused, or because the caller asked for something bad, fails the screen: that exception is thrown.
         */
        public Screen join() {
            for (Part<?> part : parts) {
                part.join();
            }
            for (Part<?> part : parts) {
                part.rethrowCallersFault();
            }
            return this;
        }

        /** The parts that failed or were late, in the order they were forked. */
        public List<String> degraded() {
            return parts.stream().filter(Part::degraded).map(Part::name).distinct().toList();
        }

        static <T> Outcome<T> await(Future<T> future, Budget budget) {
            try {
                Duration left = budget.remaining();
                return new Outcome<>(future.get(left.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS), null);
            } catch (java.util.concurrent.TimeoutException e) {
                future.cancel(true);
                return new Outcome<>(null, new DependencyFailedException("late"));
            } catch (java.util.concurrent.ExecutionException e) {
                return new Outcome<>(null, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return new Outcome<>(null, e);
            } catch (java.util.concurrent.CancellationException e) {
                return new Outcome<>(null, e);
            }
        }
    }

    record Outcome<T>(T value, Throwable failure) {
    }
}
