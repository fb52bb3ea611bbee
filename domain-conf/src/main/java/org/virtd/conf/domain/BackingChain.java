package org.virtd.conf.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The images below a disk's source ({@code <backingStore>} elements, nested in the XML), top
 * first. {@code ends}: nothing lies below the last layer (an empty {@code <backingStore/>});
 * false when the chain was not looked at yet, as in a definition that says nothing about it.
 */
public record BackingChain(List<Layer> layers, boolean ends) {

    /** A definition that says nothing about the chain: it is detected from the images at start. */
    public static final BackingChain UNKNOWN = new BackingChain(List.of(), false);

    /** An image with no backing image. */
    public static final BackingChain NONE = new BackingChain(List.of(), true);

    /**
     * One backing image: {@code type} file or block, its format, path and the number a running
     * guest gives it ({@code index=}, 0 in definitions).
     */
    public record Layer(String type, String format, String source, int index) {
        public Layer withIndex(int n) {
            return new Layer(type, format, source, n);
        }
    }

    public BackingChain {
        layers = List.copyOf(layers);
    }

    /** The same layers without their numbers, as a definition keeps them. */
    public BackingChain unnumbered() {
        return new BackingChain(layers.stream().map(l -> l.withIndex(0)).toList(), ends);
    }

    /** This chain with {@code below} appended after its layers. */
    public BackingChain then(List<Layer> below, boolean endsAfter) {
        List<Layer> all = new ArrayList<>(layers);
        all.addAll(below);
        return new BackingChain(all, endsAfter);
    }

    /** The layers from {@code from} on (0 = all), ending as this chain does. */
    public BackingChain from(int from) {
        return new BackingChain(layers.subList(Math.min(from, layers.size()), layers.size()), ends);
    }

    /** The highest {@code index=} among the layers, 0 for none. */
    public int highestIndex() {
        return layers.stream().mapToInt(Layer::index).max().orElse(0);
    }
}
