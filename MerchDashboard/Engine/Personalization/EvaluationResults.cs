namespace MerchDashboard.Engine.Personalization;

/// <summary>Given the items of a customer's previous order, a ranked list of products to suggest.</summary>
public delegate IReadOnlyList<int> BasketRecommender(IReadOnlyList<int> previousOrderItems);

/// <summary>The cut-offs K to score at, and the options of the personalized recommender under test.</summary>
public sealed record EvaluationOptions(
    IReadOnlyList<int> Ks, ProfileOptions? Profile = null, ItemSimilarityOptions? Similarity = null)
{
    public static EvaluationOptions Default { get; } = new([5, 10]);
}

/// <summary>Means over held-out orders of the hit (0 or 1), hits / K and hits / held-out distinct items.</summary>
public sealed record MetricsAtK(int K, double HitRate, double Precision, double Recall);

public sealed record RecommenderEvaluation(string Recommender, int Orders, IReadOnlyList<MetricsAtK> AtK)
{
    public MetricsAtK At(int k) => AtK.Single(m => m.K == k);
}

public sealed record EvaluationReport(int TrainingLines, int HeldOutOrders, IReadOnlyList<RecommenderEvaluation> Recommenders)
{
    public RecommenderEvaluation For(string recommender) => Recommenders.Single(r => r.Recommender == recommender);
}
