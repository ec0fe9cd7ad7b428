package org.diffuson.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands paths with glob characters ({@code *}, {@code ?}, {@code **}, {@code [..]}, {@code {..}}). */
final class PathGlobs {
    private PathGlobs() {
    }

    static List<Path> expand(String pattern) throws IOException {
        String p = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        int firstGlob = indexOfGlob(p);
        if (firstGlob < 0) {
            Path path = Path.of(p).toAbsolutePath().normalize();
            if (!Files.exists(path)) throw new MagicUsageException("no such file or directory: " + pattern);
            return List.of(path);
        }
        int slash = p.lastIndexOf('/', firstGlob);
        Path base = Path.of(slash < 0 ? "." : (slash == 0 ? "/" : p.substring(0, slash))).toAbsolutePath().normalize();
        String rest = slash < 0 ? p : p.substring(slash + 1);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(base)) return out;
        try (Stream<Path> s = Files.walk(base, depth)) {
            s.filter(x -> !x.equals(base) && m.matches(base.relativize(x))).sorted().forEach(out::add);
        }
        return out;
    }

    /**
     * Every pattern expanded ({@link #expand}), keeping the paths {@code keep} accepts, in pattern order; a pattern that
     * keeps none is a usage error "'PATTERN' matches {@code nothing}" (the %classpath and %jars arguments).
     */
    static List<Path> expandAll(List<String> patterns, java.util.function.Predicate<Path> keep, String nothing) throws IOException {
        List<Path> all = new ArrayList<>();
        for (String p : patterns) {
            List<Path> found = expand(p).stream().filter(keep).toList();
            if (found.isEmpty()) throw new MagicUsageException("'" + p + "' matches " + nothing);
            all.addAll(found);
        }
        return all;
    }

    private static int indexOfGlob(String p) {
        for (int i = 0; i < p.length(); i++) {
            if ("*?[{".indexOf(p.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
