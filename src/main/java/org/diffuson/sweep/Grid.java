package org.diffuson.sweep;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An N-dimensional grid of parameter points: the cartesian product of blocks, each block a set of axes of equal
 * length varied together (zipped). {@code Grid.of(E, gamma)} is the E × γ product; {@code Grid.zip(b, tau)} walks b
 * and τ together; {@code Grid.of(E).times(Grid.zip(b, tau))} mixes both. Points are numbered row-major: the first
 * block varies slowest, so point {@code i} of an {@code n₀ × n₁} grid is {@code (i / n₁, i % n₁)}.
 */
public record Grid(List<List<ParameterAxis>> blocks) {
    public Grid {
        if (blocks == null || blocks.isEmpty()) throw new DiffusonException("grid", "has no axes", "give at least one ParameterAxis");
        List<List<ParameterAxis>> b = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (List<ParameterAxis> block : blocks) {
            if (block.isEmpty()) throw new DiffusonException("grid", "has an empty zip block", "zip at least one axis");
            int n = block.get(0).size();
            for (ParameterAxis a : block) {
                if (a.size() != n)
                    throw new DiffusonException(a.name(), "has " + a.size() + " values but the axes zipped with it have " + n,
                            "zipped axes must have equal lengths; use Grid.of(...) for a cartesian product");
                if (!names.add(a.name())) throw new DiffusonException(a.name(), "appears twice in the grid", "each parameter may vary along one axis only");
            }
            b.add(List.copyOf(block));
        }
        blocks = List.copyOf(b);
        long size = 1;
        for (List<ParameterAxis> block : blocks) size *= block.get(0).size();
        if (size > Integer.MAX_VALUE) throw new DiffusonException("grid", "has " + size + " points", "split the study into smaller plans");
    }

    /** The cartesian product of the axes (first axis slowest). */
    public static Grid of(ParameterAxis... axes) {
        List<List<ParameterAxis>> b = new ArrayList<>();
        for (ParameterAxis a : axes) b.add(List.of(a));
        return new Grid(b);
    }

    /** The axes varied together (equal lengths). */
    public static Grid zip(ParameterAxis... axes) { return new Grid(List.of(List.of(axes))); }

    /** Cartesian product of this grid (slower) with another (faster). */
    public Grid times(Grid other) {
        List<List<ParameterAxis>> b = new ArrayList<>(blocks);
        b.addAll(other.blocks);
        return new Grid(b);
    }

    /** Number of points. */
    public int size() {
        int n = 1;
        for (List<ParameterAxis> block : blocks) n *= block.get(0).size();
        return n;
    }

    /** Shape: one length per block. */
    public int[] shape() {
        int[] s = new int[blocks.size()];
        for (int i = 0; i < s.length; i++) s[i] = blocks.get(i).get(0).size();
        return s;
    }

    /** All axes in order. */
    public List<ParameterAxis> axes() {
        List<ParameterAxis> l = new ArrayList<>();
        for (List<ParameterAxis> block : blocks) l.addAll(block);
        return l;
    }

    /** The parameter values of point {@code index} (0 ≤ index < size), in axis order. */
    public Map<String, Object> point(int index) {
        if (index < 0 || index >= size()) throw new DiffusonException("index", index + " is outside 0.." + (size() - 1), "ask for a point of the grid");
        Map<String, Object> p = new LinkedHashMap<>();
        int rest = index;
        int[] pos = new int[blocks.size()];
        for (int b = blocks.size() - 1; b >= 0; b--) {
            int n = blocks.get(b).get(0).size();
            pos[b] = rest % n;
            rest /= n;
        }
        for (int b = 0; b < blocks.size(); b++)
            for (ParameterAxis a : blocks.get(b)) p.put(a.name(), a.values().get(pos[b]));
        return p;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < blocks.size(); b++) {
            if (b > 0) sb.append(" × ");
            List<ParameterAxis> block = blocks.get(b);
            if (block.size() > 1) sb.append("zip(");
            for (int i = 0; i < block.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(block.get(i));
            }
            if (block.size() > 1) sb.append(')');
        }
        return sb.toString();
    }
}
