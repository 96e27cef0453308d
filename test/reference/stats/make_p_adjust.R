# Reference values for test/stats/adjust-p-values.test.ts: R's p.adjust for --adjust.
# Run with `Rscript test/reference/stats/make_p_adjust.R > test/reference/stats/p-adjust.json`
# (R 4.2.2 from Debian's r-base-core and r-cran-jsonlite; base R's p.adjust, methods holm, bonferroni, BH).
# 600 seeded families: 1 to 40 p-values each, drawn uniform, from a Beta(0.3, 1) (many small p), or from a
# few repeated values (ties); about one in six entries NA (a measure with no test); some exact 0 and 1. The
# p-values are rounded to 12 significant digits first, so that the JSON holds exactly the values adjusted.
set.seed(17)
families <- lapply(seq_len(600), function(k) {
  m <- sample(1:40, 1)
  kind <- k %% 3
  p <- if (kind == 0) runif(m) else if (kind == 1) rbeta(m, 0.3, 1) else sample(c(0.001, 0.01, 0.05, 0.2, 0.5), m, replace = TRUE)
  if (k %% 10 == 0) p[sample(seq_len(m), 1)] <- 0
  if (k %% 10 == 5) p[sample(seq_len(m), 1)] <- 1
  p[runif(m) < 1 / 6] <- NA
  p <- signif(p, 12) # exact in JSON (jsonlite writes 15 significant digits)
  # I(): a family of one stays a list in JSON.
  list(
    id = k,
    p = I(p),
    holm = I(p.adjust(p, "holm")),
    bonferroni = I(p.adjust(p, "bonferroni")),
    bh = I(p.adjust(p, "BH"))
  )
})
out <- list(software = paste("R", getRversion()), command = "Rscript test/reference/stats/make_p_adjust.R", cases = families)
cat(jsonlite::toJSON(out, digits = NA, na = "null", auto_unbox = TRUE), "\n")
