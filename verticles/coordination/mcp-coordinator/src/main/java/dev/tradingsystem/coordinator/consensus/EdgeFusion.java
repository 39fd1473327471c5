package dev.tradingsystem.coordinator.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * Uncertainty-aware fusion of a panel's answers. For each answer i with estimate (mu_i, var_i)
 * ({@link SignalEstimate}) and agent weight w_i (config base times learned factor; a weight
 * that is not a finite number > 0 is not heard), the effective precision is
 * {@code p_i = w_i / var_i}: a trusted agent counts as if it were more precise. With
 * {@code P = sum p_i}:
 * <ul>
 *   <li>edge = sum(p_i mu_i) / P;</li>
 *   <li>variance = 1 / P + sum(p_i (mu_i - edge)^2) / P: the pooled evidence (agreeing,
 *       independent agents narrow it) plus the panel's disagreement around the edge (which
 *       widens it back);</li>
 *   <li>score = edge / S clamped to [-1, 1] (S the edge scale, so a unanimous full-strength
 *       directional panel scores 1);</li>
 *   <li>confidence = sum(w_i c_i) / sum(w_i);</li>
 *   <li>no information at all (P = 0): edge, variance and score 0.</li>
 * </ul>
 */
public final class EdgeFusion {

  private final double edgeScaleBps;

  public EdgeFusion(double edgeScaleBps) {
    if (!(edgeScaleBps > 0) || !Double.isFinite(edgeScaleBps)) {
      throw new IllegalArgumentException("edgeScaleBps must be a finite number > 0, got " + edgeScaleBps);
    }
    this.edgeScaleBps = edgeScaleBps;
  }

  public double edgeScaleBps() {
    return edgeScaleBps;
  }

  /** The estimate of one signal at this fusion's edge scale. */
  public SignalEstimate estimate(AgentAnswer answer) {
    return SignalEstimate.of(answer.signal(), edgeScaleBps);
  }

  public FusedEdge fuse(List<AgentAnswer> answers, AgentWeights weights) {
    int n = answers.size();
    SignalEstimate[] estimates = new SignalEstimate[n];
    double[] w = new double[n];
    double[] p = new double[n];
    double totalPrecision = 0;
    double weightedEdge = 0;
    double totalWeight = 0;
    double weightedConfidence = 0;
    for (int i = 0; i < n; i++) {
      AgentAnswer answer = answers.get(i);
      estimates[i] = estimate(answer);
      double weight = weights.weight(answer.shortName());
      w[i] = weight > 0 && Double.isFinite(weight) ? weight : 0;
      p[i] = w[i] * estimates[i].precision();
      totalPrecision += p[i];
      weightedEdge += p[i] * estimates[i].edgeBps();
      totalWeight += w[i];
      weightedConfidence += w[i] * SignalEstimate.unit(answer.signal().getConfidence());
    }
    double confidence = totalWeight > 0 ? weightedConfidence / totalWeight : 0;
    List<Contribution> contributions = new ArrayList<>(n);
    if (!(totalPrecision > 0) || !Double.isFinite(totalPrecision)) {
      for (int i = 0; i < n; i++) {
        contributions.add(new Contribution(answers.get(i).shortName(), estimates[i], w[i], 0));
      }
      return new FusedEdge(0, 0, 0, confidence, List.copyOf(contributions));
    }
    double edge = weightedEdge / totalPrecision;
    double disagreement = 0;
    for (int i = 0; i < n; i++) {
      double deviation = estimates[i].edgeBps() - edge;
      disagreement += p[i] * deviation * deviation;
      contributions.add(new Contribution(answers.get(i).shortName(), estimates[i], w[i], p[i] / totalPrecision));
    }
    double variance = 1 / totalPrecision + disagreement / totalPrecision;
    double score = Math.max(-1, Math.min(1, edge / edgeScaleBps));
    return new FusedEdge(edge, variance, score, confidence, List.copyOf(contributions));
  }
}
