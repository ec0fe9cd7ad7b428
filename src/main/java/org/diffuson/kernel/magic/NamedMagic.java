package org.diffuson.kernel.magic;

/**
 * A magic whose name, usage line and summary are fixed strings given once to the constructor (every magic of the
 * kernel), so that each magic's class holds only its arguments and its {@link #run}.
 */
abstract class NamedMagic implements Magic {
    private final String name, usage, summary;

    NamedMagic(String name, String usage, String summary) {
        this.name = name;
        this.usage = usage;
        this.summary = summary;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String usage() {
        return usage;
    }

    @Override
    public final String summary() {
        return summary;
    }
}
