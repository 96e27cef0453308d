# Reference values for test/stats/floating-point-edges.test.ts: statistics at the edges of floating point.
# Run with `Rscript test/reference/stats/edge-cases.R` (R 4.2.2 from Debian's r-base-core; base R only).
# Each line prints a case id, the R expression and its value(s) to 17 significant digits; the test file
# carries the values with the expression beside each, so CI needs no R. Where R itself is off (its sd of
# values with a large offset, its mean of 1e300, 1, -1e300) or fails (cor overflows past 1.8e308), the test
# checks the exact value of the doubles from exact_sd.py instead, and says so.

show <- function(id, expr) {
  value <- suppressWarnings(eval(parse(text = expr)))
  text <- if (is.null(value)) "NULL" else paste(sprintf("%.17g", unlist(value)), collapse = " ")
  cat(sprintf("%-4s %s\n     -> %s\n", id, expr, text))
}
tryShow <- function(id, expr) {
  out <- tryCatch({ show(id, expr); NULL }, error = function(e) conditionMessage(e))
  if (!is.null(out)) cat(sprintf("%-4s %s\n     -> error: %s\n", id, expr, out))
}
r_p <- function(t) c(t$estimate, t$p.value, t$conf.int)

# --- the problems of the issue -------------------------------------------------------------------------
show("P1a", "cor(c(0.1, 0.1, 0.1), c(0.1, 0.1, 0.1))")                       # NA: the standard deviation is zero
show("P1b", "cor(c(0.1, 0.1, 0.1), c(1, 2, 3))")                             # NA
show("P1c", "sd(c(0.1, 0.1, 0.1))")                                          # 0
show("P2a", "r_p(cor.test(c(1e300, 2e300, 3e300, 4e300), c(1, 2, 4, 3)))")   # r, p, CI
show("P2b", "r_p(cor.test(c(1e-300, 2e-300, 3e-300, 4e-300), c(1, 2, 4, 3)))")
show("P3a", "sd(c(1e200, 2e200, 3e200))")
show("P3b", "sd(c(4e200, 5e200, 7e200))")
show("P3c", "unlist(wilcox.test(c(1e200, 2e200, 3e200), c(4e200, 5e200, 7e200), exact = FALSE, correct = FALSE)[c('statistic', 'p.value')])")
show("P3d", "cor(c(1e300, 2e300, 3e300, 4e300), c(1e160, 3e160, 2e160, 5e160))")   # NaN: R overflows
show("P3e", "r_p(cor.test(c(1e300, 2e300, 3e300, 4e300) * 2^-997, c(1e160, 3e160, 2e160, 5e160) * 2^-531))")  # scaled exactly
show("P4",  "sd(c(1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007))")  # exact: 0.00054931640625
show("P5",  "unlist(kruskal.test(c(1, 2, 3, 4, NA), factor(c('A', 'A', 'B', 'B', 'C')))[c('statistic', 'parameter', 'p.value')])")
show("P5c", "unlist(kruskal.test(c(10, 12, 20, 25, NA), factor(c('A', 'A', 'B', 'B', 'D')))[c('statistic', 'parameter', 'p.value')])")  # test/cli/compare.test.ts
tryShow("P5b", "kruskal.test(list(c(1, 2), c(3, 4), numeric(0)))$p.value")   # the list form stops

# --- more edges -----------------------------------------------------------------------------------------
show("E1",  "sd(c(1e-310, 2e-310, 4e-310))")                                  # subnormals
show("E1m", "mean(c(1e-310, 2e-310, 4e-310))")
show("E2",  "r_p(cor.test(c(1, 2, 3, 4, 5) * 5e-324, c(2, 1, 4, 3, 5)))")      # multiples of the smallest subnormal: R underflows
show("E2s", "r_p(cor.test(c(1, 2, 3, 4, 5) * 5e-324 * 2^537 * 2^537, c(2, 1, 4, 3, 5)))")  # the same data scaled exactly
show("E3",  "r_p(cor.test(1e15 + c(1, 2, 3, 4, 5), c(2, 1, 4, 3, 5)))")        # a large offset
show("E4",  "cor(c(-1e308, 1e308), c(1, 2))")                                # n = 2
tryShow("E4b", "cor.test(c(-1e308, 1e308), c(1, 2))$p.value")
show("E5",  "unlist(wilcox.test(c(1.7e308, 1.7e308, -1.7e308), c(1.7e308, 5e-324, -5e-324, -1.7e308), exact = FALSE, correct = FALSE)[c('statistic', 'p.value')])")
show("E6",  "sd(c(0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3))")
show("E6m", "mean(c(0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3))")
show("E6r", "r_p(cor.test(c(0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2), c(1, 2, 3, 5)))")  # R's mean rounds to 0.3: r is off
show("E6s", "r_p(cor.test(c(1, 0, 0, 1), c(1, 2, 3, 5)))")                   # the same deviations, exactly: 0.1 + 0.2 - 0.3 = 2^-54
show("E7",  "sd(c(-1.7e308, 1.7e308))")                                       # Inf
show("E7m", "c(mean(c(-1.7e308, 1.7e308)), quantile(c(-1.7e308, 1.7e308), c(0.25, 0.5, 0.75)))")
show("E8",  "sd(c(-1e308, 1e308, 1e308))")
show("E8m", "mean(c(-1e308, 1e308, 1e308))")
show("E9",  "r_p(cor.test(c(-1.5e308, -0.5e308, 0.5e308, 1.5e308), c(1, 3, 2, 4)))")
show("E10", "unlist(kruskal.test(c(1, 2, 3, NA, 4, 5, NA), factor(c('A', 'A', 'A', 'B', 'C', 'C', 'D')))[c('statistic', 'parameter', 'p.value')])")
show("E11", "unlist(kruskal.test(c(1e308, 1e308, -5e-324, -1e308, 5e-324, 1e308, NA, 0, 0), factor(c('A', 'A', 'A', 'B', 'B', 'B', 'C', 'D', 'D')))[c('statistic', 'parameter', 'p.value')])")
show("E12", "unlist(cor.test(c(1e300, 1e300, 2e300, 3e300, -1e300), c(1e-300, 3e-300, 2e-300, 2e-300, 5e-324), method = 'spearman', exact = FALSE)[c('estimate', 'p.value')])")
show("E13", "{x <- 1e300 * c(1, 2, 3, 4, 5); y <- c(2, 1, 4, 3, 5); z <- c(1, 1, 2, 2, 3); r <- cor(resid(lm(x ~ z)), resid(lm(y ~ z))); c(r, 2 * pt(-abs(r * sqrt(2 / (1 - r^2))), 2))}")
show("E14", "sd(c(1e-320, 1e-320, 1e-320))")
show("E14r", "cor(c(1e-320, 1e-320, 1e-320), c(1, 2, 3))")                   # NA
show("E15", "sd(c(1e16, 1e16 + 2))")
show("E16", "sd(c(1e300, 1, -1e300))")
show("E16m", "mean(c(1e300, 1, -1e300))")                                    # 0: the exact mean is 1/3
show("E17", "{z <- c(0.1, 0.1, 0.1, 0.1, 0.1); coef(lm(c(1, 2, 3, 4, 5) ~ z))}")   # z aliased with the intercept: NA
show("E18", "2 * pnorm(-abs((1.5 - 3.5) / sqrt(4 * 5 / 12 * (1 / 2 + 1 / 2))))")  # Dunn, A: 1, 2 vs B: 3, 4 (C empty)
show("E18w", "unlist(wilcox.test(c(1, 2), c(3, 4), exact = FALSE, correct = FALSE)[c('statistic', 'p.value')])")
show("E19", "r_p(cor.test(c(1e-300, 2e-300, 3e-300, 4e-300, 6e-300), c(5e300, 1e300, 4e300, 2e300, 3e300)))")
show("E20", "unlist(cor.test(c(5e-324, 1e-323, 1.5e-323, 1.5e-323, 2e-323), c(1e308, -1e308, 1e308, 0, 1.5e308), method = 'spearman', exact = FALSE)[c('estimate', 'p.value')])")
