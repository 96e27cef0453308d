# Reference values for test/stats/kruskal-wallis-exact-p.test.ts: the exact Kruskal-Wallis p, P(H >= h)
# over every assignment of the pooled midranks to groups of the observed sizes (ties exact).
# Run with `Rscript test/reference/stats/make_kruskal_wallis_exact.R > test/reference/stats/kruskal-wallis-exact.json`
# (R 4.2.2 from Debian's r-base-core, r-cran-coin 1.4.2 and r-cran-jsonlite 1.8.4; about 30 seconds).
# There is no packaged exact k-sample reference: coin::kruskal_test(distribution = "exact") stops with
# "'object' is not a two-sample problem" (checked below), and PMCMRplus (kruskalTest(dist = "KruskalWallis"))
# is not packaged in Debian. So the exact p is the textbook enumeration in plain R
# (kruskal_wallis_enumeration.R: all N!/(n1!...nk!) assignments listed, independent of the dynamic programme
# in src/stats/kruskal-wallis-exact-p.ts), and H is kruskal.test's statistic.
# 520 seeded cases: k = 3 or 4 groups of 1-5 values, N <= 13; half untied (distinct integers up to 1000),
# half with ties (integers 1..m, m = 2-6); a shift by group in two cases of three, so that small p occur.
source("test/reference/stats/kruskal_wallis_enumeration.R")
suppressMessages(library(coin))
stopifnot(inherits(try(kruskal_test(c(1, 2, 3, 4, 5, 6) ~ factor(rep(1:3, each = 2)), distribution = "exact"), silent = TRUE), "try-error"))
set.seed(31)
cases <- list()
while (length(cases) < 520) {
  j <- length(cases) + 1
  k <- sample(3:4, 1)
  sizes <- sample(1:5, k, replace = TRUE)
  N <- sum(sizes)
  if (N > 13) next
  g <- rep(seq_len(k), sizes)
  tied <- j %% 2 == 0
  shift <- (j %% 3) * (g - 1)
  x <- if (tied) sample(seq_len(sample(2:6, 1)), N, replace = TRUE) + shift else sample(1:1000, N) + 150 * shift
  if (length(unique(x)) < 2) next
  t <- kruskal.test(x, factor(g))
  e <- kw_exact_p(x, g)
  cases[[j]] <- list(
    groups = lapply(seq_len(k), function(i) I(x[g == i])),
    h = unname(t$statistic), p_asymptotic = t$p.value, p = e$p, assignments = e$assignments, ties = anyDuplicated(x) > 0
  )
}
out <- list(
  software = paste0("R ", getRversion(), ", coin ", packageVersion("coin"), ", jsonlite ", packageVersion("jsonlite")),
  command = "Rscript test/reference/stats/make_kruskal_wallis_exact.R > test/reference/stats/kruskal-wallis-exact.json",
  cases = cases
)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
