# Reference values for test/stats/untied-exact-p.test.ts: SPSS Base's "Exact Sig. [2*(1-tailed Sig.)]" for
# Mann–Whitney U, the untied distribution of U, = min(1, 2 * pwilcox(floor(u), n1, n2)) in base R.
# Run with `Rscript test/reference/stats/make_untied_exact.R > test/reference/stats/untied-exact.json`
# (R 4.2.2 from Debian's r-base-core and r-cran-jsonlite). 520 seeded cases: group sizes 1–50 with n1·n2 at
# most 2,500, U anywhere from 0 to n1·n2 (whole, or .5 as ties give), and the two figures of thesis Table 7.
set.seed(18)
cases <- lapply(seq_len(518), function(k) {
  repeat {
    n1 <- sample(1:50, 1)
    n2 <- sample(1:50, 1)
    if (n1 * n2 <= 2500) break
  }
  u <- sample(0:(n1 * n2), 1)
  if (k %% 2 == 0 && u > 0) u <- u - 0.5
  list(n1 = n1, n2 = n2, u = u, p = min(1, 2 * pwilcox(floor(u), n1, n2)))
})
thesis <- list(list(n1 = 5, n2 = 16, u = 25, p = min(1, 2 * pwilcox(25, 5, 16))), list(n1 = 5, n2 = 16, u = 18, p = min(1, 2 * pwilcox(18, 5, 16))))
out <- list(software = paste("R", getRversion()), command = "Rscript test/reference/stats/make_untied_exact.R", cases = c(thesis, cases))
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
