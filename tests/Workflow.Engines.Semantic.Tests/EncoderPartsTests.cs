using Workflow.Engines.Semantic;

namespace Workflow.Engines.Semantic.Tests;

/// <summary>The pure pieces of the sentence encoder: input packing, pooling, de-duplication and the token cap.</summary>
public class EncoderPartsTests
{
    [Fact]
    public void TokenBatch_PadsEachRowToTheLongest_MasksThePadding_AndLeavesTokenTypesZero()
    {
        var batch = TokenBatch.Pack([[101, 7, 102], [101, 102]]);

        Assert.Equal((2, 3), (batch.Rows, batch.Columns));
        Assert.Equal([101L, 7, 102, 101, 102, 0], batch.InputIds);
        Assert.Equal([1L, 1, 1, 1, 1, 0], batch.AttentionMask);
        Assert.Equal(new long[6], batch.TokenTypeIds);
    }

    [Fact]
    public void TokenBatch_RefusesAnEmptyBatch() =>
        Assert.Throws<ArgumentException>(() => TokenBatch.Pack([]));

    [Fact]
    public void MeanPooling_AveragesOnlyTheRealTokens_AndScalesToUnitLength()
    {
        // Two rows of two token slots, two dimensions; the second row's second slot is padding (huge, must be ignored).
        float[] hidden = [3, 0, 1, 4, /* row 2 */ 0, 2, 100, 100];

        var vectors = MeanPooling.UnitMeans(hidden, [2, 1], columns: 2, dimensions: 2);

        // Row 1: mean (2, 2) -> (0.7071, 0.7071); row 2: (0, 2) -> (0, 1).
        Assert.Equal(Math.Sqrt(0.5), vectors[0][0], 5);
        Assert.Equal(Math.Sqrt(0.5), vectors[0][1], 5);
        Assert.Equal([0f, 1f], vectors[1]);
    }

    [Fact]
    public void MeanPooling_RejectsAShapeThatDoesNotMatchTheCounts() =>
        Assert.Throws<ArgumentException>(() => MeanPooling.UnitMeans(new float[5], [1, 1], columns: 1, dimensions: 2));

    [Fact]
    public void DistinctTexts_KeepsFirstOccurrenceOrder_AndMapsEachPositionToItsText()
    {
        var distinct = DistinctTexts.Of(["Yes.", "The food was cold.", "Yes.", "yes.", "The food was cold."]);

        Assert.Equal(["Yes.", "The food was cold.", "yes."], distinct.Texts);
        Assert.Equal([0, 1, 0, 2, 1], distinct.IndexOf);
    }

    [Fact]
    public void TokenCap_LeavesShortTextsAlone_AndEndsACutTextWithTheSeparator()
    {
        int[] shortText = [101, 5, 102];
        Assert.Same(shortText, TokenCap.Truncate(shortText, 3, 102));

        Assert.Equal([101, 5, 6, 102], TokenCap.Truncate([101, 5, 6, 7, 8, 102], 4, 102));
    }

    [Fact]
    public void TokenCap_NeedsRoomForClsAndSep() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenCap.Truncate([101, 102], 1, 102));
}

/// <summary>How texts are grouped into model calls.</summary>
public class BatchPlanTests
{
    [Fact]
    public void Batches_GoShortestFirst_AtMostTheBatchSize_AndCoverEveryTextOnce()
    {
        var batches = BatchPlan.Of([9, 3, 5, 3, 12], batchSize: 2, workers: 1);

        Assert.Equal([[1, 3], [2, 0], [4]], batches);
    }

    [Fact]
    public void FewTexts_AreSplitSoEveryWorkerGetsABatch()
    {
        var batches = BatchPlan.Of([4, 2, 8], batchSize: 64, workers: 2);

        Assert.Equal([[1, 0], [2]], batches);
    }

    [Fact]
    public void ABatchStopsBeforeItsPaddedTokensPassTheBudget_ButALongTextStillGetsOne()
    {
        // Padded sizes: [2, 3] -> 2 x 3 = 6 fits 6; adding the 4-token text would make 3 x 4 = 12.
        var batches = BatchPlan.Of([3, 2, 4, 9], batchSize: 64, workers: 1, tokenBudget: 6);

        Assert.Equal([[1, 0], [2], [3]], batches);
    }

    [Fact]
    public void NoTexts_NoBatches() =>
        Assert.Empty(BatchPlan.Of([], batchSize: 64, workers: 2));
}
