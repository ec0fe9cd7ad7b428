package org.diffuson.kernel.exec;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of classes the kernel loads for notebook code (ASM; JDK 17 has no ClassFile API):
 * <ul>
 *   <li>a call of {@link CellStop#check()} before every jump and switch (every loop back-edge among them) and at every
 *       method entry (recursion), so that an interrupt or timeout stops the cell on JDKs without
 *       {@code Thread.stop};</li>
 *   <li>{@code System.exit(int)}, {@code Runtime.exit(int)}, {@code Runtime.halt(int)}, called or referenced
 *       ({@code System::exit}), become the {@link ExitGuard} methods, so a cell cannot end the kernel.</li>
 * </ul>
 * Neither changes the operand stack or the locals at any branch target, so the existing stack-map frames stay valid
 * and nothing is recomputed (no class loading during the rewrite). A class ASM cannot read (a class-file version
 * newer than it knows) is returned unchanged.
 */
public final class CellBytecode {

    private static final String STOP = CellStop.class.getName().replace('.', '/');
    private static final String GUARD = ExitGuard.class.getName().replace('.', '/');

    private CellBytecode() {
    }

    /**
     * The rewritten class, or {@code classFile} itself if ASM cannot read it; then one line on the kernel's stderr
     * names the class and says that stop checks and exit guards are off for it.
     */
    public static byte[] instrument(byte[] classFile) {
        return instrument(classFile, System.err);
    }

    /** {@link #instrument(byte[])} with the warning for an unreadable class going to {@code warn}. */
    static byte[] instrument(byte[] classFile, java.io.PrintStream warn) {
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                    return mv == null ? null : new Rewriter(mv);
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            warn.println("diffuson kernel: class " + className(classFile) + " could not be instrumented (" + e
                    + "); it runs without stop checks and exit guards: an interrupt or timeout cannot stop it "
                    + "cooperatively and System.exit in it is not intercepted");
            warn.flush();
            return classFile;
        }
    }

    private static String className(byte[] classFile) {
        try {
            return new ClassReader(classFile).getClassName().replace('/', '.');
        } catch (RuntimeException e) {
            return "<unreadable class file>";
        }
    }

    private static final class Rewriter extends MethodVisitor {
        Rewriter(MethodVisitor mv) {
            super(Opcodes.ASM9, mv);
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP, "check", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            check();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            check();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            check();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if ("(I)V".equals(descriptor)) {
                if (opcode == Opcodes.INVOKESTATIC && "java/lang/System".equals(owner) && "exit".equals(name)) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(I)V", false);
                    return;
                }
                if (opcode == Opcodes.INVOKEVIRTUAL && "java/lang/Runtime".equals(owner)
                        && ("exit".equals(name) || "halt".equals(name))) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, "(Ljava/lang/Runtime;I)V", false);
                    return;
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            Object[] rewritten = args.clone();
            for (int i = 0; i < rewritten.length; i++) {
                if (rewritten[i] instanceof Handle h) rewritten[i] = guarded(h);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bsm, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(value instanceof Handle h ? guarded(h) : value);
        }
    }

    /** A method handle to an exit method, redirected to the guard; any other handle unchanged. */
    static Handle guarded(Handle h) {
        if (!"(I)V".equals(h.getDesc())) return h;
        if (h.getTag() == Opcodes.H_INVOKESTATIC && "java/lang/System".equals(h.getOwner())
                && "exit".equals(h.getName())) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, "exit", "(I)V", false);
        }
        if (h.getTag() == Opcodes.H_INVOKEVIRTUAL && "java/lang/Runtime".equals(h.getOwner())
                && ("exit".equals(h.getName()) || "halt".equals(h.getName()))) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, h.getName(), "(Ljava/lang/Runtime;I)V", false);
        }
        return h;
    }
}
