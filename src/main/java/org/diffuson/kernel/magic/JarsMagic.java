package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code %jars GLOB ...}: adds the jar files matching the globs; binds {@code jars}. */
final class JarsMagic extends NamedMagic {
    JarsMagic() {
        super("jars", "%jars PATH|GLOB ... [as=NAME]",
                "Add jar files (globs such as lib/*.jar allowed) to the notebook; binds List<Path> jars.");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("as"), Set.of());
        if (a.positional().isEmpty()) throw new MagicUsageException("missing a jar path or glob");
        List<Path> jars = PathGlobs.expandAll(a.positional(), x -> Files.isRegularFile(x) && x.toString().endsWith(".jar"), "no .jar file");
        ctx.addToClasspath(jars);
        for (Path p : jars) ctx.out().println("added " + p);
        ctx.bind(a.variableName("jars"), List.copyOf(jars), "java.util.List<java.nio.file.Path>");
        return JavaEvaluator.NO_VALUE;
    }
}
