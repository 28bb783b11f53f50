package org.shanzhi.cockpit.domain;

/**
 * What the center sets for its figures, where published rules leave a choice (DOMAIN.md §2.2: "make weights
 * configurable"): the 三率 weights with the credit for 基本满意 and 部分解决, the fewest a rate must rest on, the finders
 * that count as 未诉先办, and last year's 信访 visitors. The hub's {@code /kpis} and the wall's panels compute with
 * the same settings; {@link #DEFAULT} holds DOMAIN.md's values.
 */
public record FigureSettings(Kpi.Weights weights, Kpi.MinimumBase minimum, ProactiveSources proactive,
                             PetitionFigures.Basis petitionBasis) {

    public static final FigureSettings DEFAULT = new FigureSettings(Kpi.Weights.DEFAULT, Kpi.MinimumBase.DEFAULT,
            ProactiveSources.DEFAULT, PetitionFigures.Basis.HEYI);

    public FigureSettings {
        if (weights == null || minimum == null || proactive == null || petitionBasis == null) {
            throw new Rejection("figureSettings", "every setting needs a value");
        }
    }

    public FigureSettings withMinimum(Kpi.MinimumBase m) {
        return new FigureSettings(weights, m, proactive, petitionBasis);
    }
}
