package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code %jars GLOB ...}: adds the jar files matching the globs; binds {@code jars}. */
final class JarsMagic implements Magic {
    @Override
    public String name() {
        return "jars";
    }

    @Override
    public String usage() {
        return "%jars PATH|GLOB ... [as=NAME]";
    }

    @Override
    public String summary() {
        return "Add jar files (globs such as lib/*.jar allowed) to the notebook; binds List<Path> jars.";
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("as"), Set.of());
        if (a.positional().isEmpty()) throw new MagicUsageException("missing a jar path or glob");
        List<Path> jars = new ArrayList<>();
        for (String p : a.positional()) {
            List<Path> found = PathGlobs.expand(p).stream()
                    .filter(x -> Files.isRegularFile(x) && x.toString().endsWith(".jar")).toList();
            if (found.isEmpty()) throw new MagicUsageException("'" + p + "' matches no .jar file");
            jars.addAll(found);
        }
        ctx.addToClasspath(jars);
        for (Path p : jars) ctx.out().println("added " + p);
        ctx.bind(a.variableName("jars"), List.copyOf(jars), "java.util.List<java.nio.file.Path>");
        return JavaEvaluator.NO_VALUE;
    }
}
