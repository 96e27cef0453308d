# Reference values for test/stats/rank-biserial-interval.test.ts: the rank-biserial correlation (Cliff's delta)
# of two independent samples and its confidence interval.
# Run with `Rscript test/reference/stats/make_rank_biserial.R > test/reference/stats/rank-biserial.json`
# (R 4.2.2 and effectsize 0.8.3 from Debian's r-base-core, r-cran-effectsize and r-cran-jsonlite;
# effectsize::rank_biserial(x, y, ci = level), whose interval is normal on Fisher's z scale). 520 seeded cases:
# sizes 1-40, integer values 0-9 (many ties) or continuous values, levels 0.8, 0.9, 0.95, 0.99. Cases with
# |r| = 1 are kept: there netsp gives no interval (effectsize gives [r, r]); the test checks the estimate only.
suppressPackageStartupMessages(library(effectsize))
set.seed(31)
levels <- c(0.8, 0.9, 0.95, 0.99)
cases <- lapply(seq_len(520), function(k) {
  nx <- sample(1:40, 1)
  ny <- sample(1:40, 1)
  if (k %% 2 == 0) {
    x <- sample(0:9, nx, replace = TRUE) + (k %% 3 == 0)
    y <- sample(0:9, ny, replace = TRUE)
  } else {
    x <- round(rnorm(nx, 0.5), 4)
    y <- round(rnorm(ny), 4)
  }
  level <- levels[(k %% 4) + 1]
  e <- suppressWarnings(rank_biserial(x, y, ci = level))
  list(x = I(x), y = I(y), level = level, r = e$r_rank_biserial, ci = I(c(e$CI_low, e$CI_high)))
})
out <- list(software = paste("R", getRversion(), "effectsize", packageVersion("effectsize")),
  command = "Rscript test/reference/stats/make_rank_biserial.R", cases = cases)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
