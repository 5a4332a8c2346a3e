package com.cinemaabyss.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The machine and checkout a run measured, for the report's first lines. */
record Machine(int cpus, String cpuModel, long memoryMiB, String os, String jvm, String commit) {

    static Machine describe(Path root) {
        String model = "unknown CPU";
        long memory = 0;
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(model);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .findFirst().map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(0L);
        } catch (IOException notLinux) {
            // the report says "unknown"
        }
        String commit = git(root, "rev-parse", "--short", "HEAD");
        if (!git(root, "status", "--porcelain", "--untracked-files=no").isBlank()) {
            commit += " (with uncommitted changes)";
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"), commit);
    }

    String describe() {
        return "%d CPUs (%s), %,d MiB RAM, %s, %s".formatted(cpus, cpuModel, memoryMiB, os, jvm);
    }

    private static String git(Path root, String... arguments) {
        try {
            Process git = new ProcessBuilder(concat("git", arguments)).directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? output : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static List<String> concat(String first, String... rest) {
        List<String> command = new ArrayList<>(List.of(first));
        command.addAll(List.of(rest));
        return command;
    }
}
