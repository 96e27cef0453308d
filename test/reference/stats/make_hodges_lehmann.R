# Reference values for test/stats/hodges-lehmann.test.ts: the Hodges-Lehmann shift and its exact interval.
# Run with `Rscript test/reference/stats/make_hodges_lehmann.R > test/reference/stats/hodges-lehmann.json`
# (R 4.2.2 from Debian's r-base-core and r-cran-jsonlite; wilcox.test(x, y, conf.int = TRUE, conf.level),
# exact: untied samples under 50). 510 seeded cases: sizes 1-40, levels 0.8, 0.9, 0.95, 0.99; values with 4
# decimals plus a distinct offset, so there are no ties and the JSON holds them exactly.
set.seed(22)
levels <- c(0.8, 0.9, 0.95, 0.99)
cases <- lapply(seq_len(510), function(k) {
  nx <- sample(1:40, 1)
  ny <- sample(1:40, 1)
  v <- round(rnorm(nx + ny) * 10, 4) + seq_len(nx + ny) * 1e-4
  x <- v[seq_len(nx)] + if (k %% 2 == 0) 3 else 0
  y <- v[nx + seq_len(ny)]
  level <- levels[(k %% 4) + 1]
  t <- suppressWarnings(wilcox.test(x, y, conf.int = TRUE, conf.level = level, exact = TRUE))
  list(x = I(x), y = I(y), level = level, estimate = unname(t$estimate), ci = I(as.numeric(t$conf.int)))
})
out <- list(software = paste("R", getRversion()), command = "Rscript test/reference/stats/make_hodges_lehmann.R", cases = cases)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
