package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code %classpath [PATH|GLOB ...]}: adds jars and class directories; binds {@code classpath}. */
final class ClasspathMagic extends NamedMagic {
    ClasspathMagic() {
        super("classpath", "%classpath [PATH|GLOB ...] [as=NAME]",
                "Add jars or class directories to the notebook; without paths, print the classpath."
                + " Binds List<Path> classpath (the added paths).");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("as"), Set.of());
        List<Path> added = PathGlobs.expandAll(a.positional(), p -> true, "nothing");
        ctx.addToClasspath(added);
        if (a.positional().isEmpty()) {
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) ctx.out().println(e);
            for (Path p : ctx.java().addedClasspath()) ctx.out().println(p);
        } else {
            for (Path p : added) ctx.out().println("added " + p);
        }
        ctx.bind(a.variableName("classpath"), List.copyOf(added), "java.util.List<java.nio.file.Path>");
        return JavaEvaluator.NO_VALUE;
    }
}
