package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code %classpath [PATH|GLOB ...]}: adds jars and class directories; binds {@code classpath}. */
final class ClasspathMagic implements Magic {
    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public String usage() {
        return "%classpath [PATH|GLOB ...] [as=NAME]";
    }

    @Override
    public String summary() {
        return "Add jars or class directories to the notebook; without paths, print the classpath."
                + " Binds List<Path> classpath (the added paths).";
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("as"), Set.of());
        List<Path> added = new ArrayList<>();
        for (String p : a.positional()) {
            List<Path> found = PathGlobs.expand(p);
            if (found.isEmpty()) throw new MagicUsageException("'" + p + "' matches nothing");
            added.addAll(found);
        }
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
