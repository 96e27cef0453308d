# Reference values for test/stats/monte-carlo-p.test.ts: permutation p-values that monteCarloP estimates.
# Run with `Rscript test/reference/stats/make_monte_carlo_p.R > test/reference/stats/monte-carlo-p.json`
# (R 4.2.2 from Debian's r-base-core, r-cran-coin 1.4.2 and r-cran-jsonlite 1.8.4; about 15 seconds).
# 540 seeded cases, each with a reference p and the number of resamples behind it (0 when exact):
# - 220 two-sample cases, sizes 1-30, half with ties: coin::wilcox_test(y ~ g, distribution = "exact",
#   alternative) p, the rank-sum permutation p conditional on the midranks (g's first level is the first
#   group, so "less" means the first group ranks low); a quarter of the two-sided ones are run as
#   "kruskal-wallis", whose two-group H test is the same two-sided test.
# - 160 small k-sample cases (k = 3-4, sizes 1-5, N <= 12, half with ties): the exact Kruskal-Wallis p by
#   enumeration of every assignment (kruskal_wallis_enumeration.R; coin has no exact k-sample test).
# - 160 larger k-sample cases (k = 3-5, sizes 5-30, half with ties), too large to enumerate:
#   coin::kruskal_test(y ~ g, distribution = approximate(nresample = 1e5)) p, itself a Monte-Carlo estimate.
# A shift by group in two cases of three gives small p as well as large.
source("test/reference/stats/kruskal_wallis_enumeration.R")
suppressMessages(library(coin))
set.seed(37)
alternatives <- c("two.sided", "less", "greater")
values <- function(n, tied, shift) {
  if (tied) sample(seq_len(sample(2:8, 1)), n, replace = TRUE) + shift else sample(1:1000, n) + 120 * shift
}
as_case <- function(x, g, statistic, alternative, reference, p, nresample) {
  list(
    groups = lapply(seq_len(max(g)), function(i) I(x[g == i])), statistic = statistic,
    alternative = sub("two.sided", "two-sided", alternative), reference = reference, p = p, nresample = nresample
  )
}
cases <- list()
while (length(cases) < 540) {
  j <- length(cases) + 1
  tied <- j %% 2 == 0
  if (j <= 220) {
    sizes <- sample(1:30, 2, replace = TRUE)
  } else if (j <= 380) {
    sizes <- sample(1:5, sample(3:4, 1), replace = TRUE)
    if (sum(sizes) > 12) next
  } else {
    sizes <- sample(5:30, sample(3:5, 1), replace = TRUE)
  }
  g <- rep(seq_along(sizes), sizes)
  shift <- (j %% 3) * (g - 1) * if (j <= 220) 0.5 else 0.25
  x <- values(sum(sizes), tied, if (tied) round(shift) else shift)
  if (length(unique(x)) < 2) next
  f <- factor(g)
  cases[[j]] <- if (j <= 220) {
    alternative <- alternatives[(j %% 3) + 1]
    statistic <- if (alternative == "two.sided" && j %% 4 == 0) "kruskal-wallis" else "rank-sum"
    p <- pvalue(wilcox_test(x ~ f, distribution = "exact", alternative = alternative))
    as_case(x, g, statistic, alternative, "coin::wilcox_test exact", as.numeric(p), 0)
  } else if (j <= 380) {
    as_case(x, g, "kruskal-wallis", "two.sided", "enumeration", kw_exact_p(x, g)$p, 0)
  } else {
    p <- pvalue(kruskal_test(x ~ f, distribution = approximate(nresample = 1e5)))
    as_case(x, g, "kruskal-wallis", "two.sided", "coin::kruskal_test approximate", as.numeric(p), 1e5)
  }
}
out <- list(
  software = paste0("R ", getRversion(), ", coin ", packageVersion("coin"), ", jsonlite ", packageVersion("jsonlite")),
  command = "Rscript test/reference/stats/make_monte_carlo_p.R > test/reference/stats/monte-carlo-p.json",
  cases = cases
)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
