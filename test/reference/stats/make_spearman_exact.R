# Reference values for test/stats/spearman-exact-p.test.ts: R's exact p of Spearman's rho for untied data.
# Run with `Rscript test/reference/stats/make_spearman_exact.R > test/reference/stats/spearman-exact.json`
# (R 4.2.2 from Debian's r-base-core and r-cran-jsonlite; cor.test(x, y, method = "spearman", exact = TRUE),
# which enumerates the permutations for n <= 9). 520 seeded cases: n from 3 to 9, distinct values, y a random
# order or one related to x.
set.seed(21)
cases <- lapply(seq_len(520), function(k) {
  n <- sample(3:9, 1)
  x <- sample(1:100, n)
  y <- if (k %% 2 == 0) sample(1:100, n) else rank(x + sample(-3:3, n, replace = TRUE) + seq_len(n) / 100)
  t <- cor.test(x, y, method = "spearman", exact = TRUE)
  list(x = I(x), y = I(y), rho = unname(t$estimate), p = t$p.value)
})
out <- list(software = paste("R", getRversion()), command = "Rscript test/reference/stats/make_spearman_exact.R", cases = cases)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
