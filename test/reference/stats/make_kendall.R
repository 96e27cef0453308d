# Reference values for test/stats/kendall.test.ts: Kendall's tau-b and its p from R's cor.test.
# Run with `Rscript test/reference/stats/make_kendall.R > test/reference/stats/kendall.json`
# (R 4.2.2 from Debian's r-base-core and r-cran-jsonlite; cor.test(x, y, method = "kendall") with its
# defaults: exact for n < 50 without ties, else the normal approximation with tie-corrected variance, no
# continuity correction). 540 seeded cases: n from 3 to 120, values distinct, or drawn from a few levels (ties),
# some strongly related; the values are small integers or have 6 decimals, so the JSON holds them exactly.
set.seed(20)
cases <- lapply(seq_len(540), function(k) {
  n <- if (k %% 3 == 0) sample(50:120, 1) else sample(3:49, 1)
  kind <- k %% 4
  x <- if (kind == 0) sample(1:5, n, replace = TRUE) else round(runif(n), 6)
  noise <- if (kind == 1) sample(1:3, n, replace = TRUE) else round(rnorm(n), 6)
  y <- if (k %% 2 == 0) round(x * 2 + noise, 6) else noise
  if (length(unique(x)) < 2 || length(unique(y)) < 2) y[1] <- y[1] + 1
  t <- suppressWarnings(cor.test(x, y, method = "kendall"))
  list(x = I(x), y = I(y), tau = unname(t$estimate), p = t$p.value)
})
out <- list(software = paste("R", getRversion()), command = "Rscript test/reference/stats/make_kendall.R", cases = cases)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
