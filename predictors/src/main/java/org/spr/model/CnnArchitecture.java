package org.spr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The SPRamNet-style 1D LeNet network: for each convolution block, Conv1d(kernel k, "same" padding) → ReLU
 * [→ residual unit x + Conv(ReLU(Conv(x))) when {@code residual}] → MaxPool(2); then flatten → dense layers with ReLU →
 * a linear output layer. Input shape (batch, C, L/C) for C input channels (a multi-channel descriptor: 2D g(r), 3D g(r),
 * ADF); output (batch, m). {@link #deep} is the deeper network for the electronic DOS (SPRamNet: "it is necessary to
 * improve the depth of the network"; the paper's SI with the exact layers is not at hand, so this is our reading: four
 * convolution blocks 16, 32, 64, 128 with residual units, dense 256, 128).
 *
 * @param inputLength  L, all channels together
 * @param outputLength m
 * @param convChannels filters of each convolution block (e.g. 16, 32)
 * @param kernelSize   odd kernel width
 * @param denseUnits   hidden dense layer widths (e.g. 128)
 * @param residual     add a residual unit after each convolution
 */
public record CnnArchitecture(int inputLength, int outputLength, int[] convChannels, int kernelSize, int[] denseUnits, boolean residual,
                              int inputChannels) {

    /** One input channel. */
    public CnnArchitecture(int inputLength, int outputLength, int[] convChannels, int kernelSize, int[] denseUnits, boolean residual) {
        this(inputLength, outputLength, convChannels, kernelSize, denseUnits, residual, 1);
    }

    /** The deeper network: conv 16, 32, 64, 128 (kernel 5) with residual units, dense 256, 128. */
    public static CnnArchitecture deep(int inputLength, int outputLength, int inputChannels) {
        return new CnnArchitecture(inputLength, outputLength, new int[]{16, 32, 64, 128}, 5, new int[]{256, 128}, true, inputChannels);
    }

    /** Values per channel, L/C. */
    public int channelLength() {
        return inputLength / inputChannels;
    }

    public CnnArchitecture {
        if (inputLength < 1 || outputLength < 1) {
            throw new IllegalArgumentException("CNN input and output lengths must be positive, got " + inputLength + " and " + outputLength);
        }
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new IllegalArgumentException("CNN kernel size must be a positive odd number, got " + kernelSize);
        }
        inputChannels = inputChannels < 1 ? 1 : inputChannels; // files written before multi-channel inputs: 0
        if (inputLength % inputChannels != 0) {
            throw new IllegalArgumentException("CNN input of " + inputLength + " values does not split into " + inputChannels + " channels");
        }
        if ((inputLength / inputChannels) >> convChannels.length < 1) {
            throw new IllegalArgumentException("an input of " + inputLength + " values is too short for " + convChannels.length + " pooling blocks");
        }
        convChannels = convChannels.clone();
        denseUnits = denseUnits.clone();
    }

    /** Builds the (uninitialised) DJL block. */
    public Block build() {
        SequentialBlock network = new SequentialBlock();
        Shape kernel = new Shape(kernelSize);
        Shape padding = new Shape(kernelSize / 2);
        for (int channels : convChannels) {
            network.add(Conv1d.builder().setKernelShape(kernel).optPadding(padding).setFilters(channels).build());
            network.add(Activation.reluBlock());
            if (residual) {
                SequentialBlock branch = new SequentialBlock()
                        .add(Conv1d.builder().setKernelShape(kernel).optPadding(padding).setFilters(channels).build())
                        .add(Activation.reluBlock())
                        .add(Conv1d.builder().setKernelShape(kernel).optPadding(padding).setFilters(channels).build());
                network.add(new ParallelBlock(CnnArchitecture::sum, List.of(branch, Blocks.identityBlock())));
                network.add(Activation.reluBlock());
            }
            network.add(Pool.maxPool1dBlock(new Shape(2), new Shape(2)));
        }
        network.add(Blocks.batchFlattenBlock());
        for (int units : denseUnits) {
            network.add(Linear.builder().setUnits(units).build());
            network.add(Activation.reluBlock());
        }
        network.add(Linear.builder().setUnits(outputLength).build());
        return network;
    }

    private static NDList sum(List<NDList> branches) {
        NDArray total = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
        return new NDList(total);
    }
}
