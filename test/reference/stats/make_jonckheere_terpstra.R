# Reference values for test/stats/jonckheere-terpstra.test.ts: the Jonckheere-Terpstra trend test.
# Run with `Rscript test/reference/stats/make_jonckheere_terpstra.R > test/reference/stats/jonckheere-terpstra.json`
# (R 4.2.2 from Debian's r-base-core and r-cran-jsonlite; base R only: clinfun and PMCMRplus are not in Debian).
# Every value comes from the textbook definitions (Jonckheere 1954; Hollander, Wolfe & Chicken 2014, §6.2),
# written here independently of src/stats/jonckheere-terpstra.ts:
#   J = sum over group pairs i < j and value pairs (x in i, y in j) of [x < y] + 0.5 [x == y], a double loop;
#   E J = (N^2 - sum n_i^2) / 4; Var J = [N(N-1)(2N+5) - sum n(n-1)(2n+5) - sum t(t-1)(2t+5)] / 72
#     + sum n(n-1)(n-2) sum t(t-1)(t-2) / [36 N(N-1)(N-2)] + sum n(n-1) sum t(t-1) / [8 N(N-1)]
#     (t the sizes of the groups of tied values; the middle term taken as 0 for N = 2, where it is 0/0);
#   z = (J - E J) / sqrt(Var J); p two-sided 2 pnorm(-|z|), increasing pnorm(z, lower.tail = FALSE),
#     decreasing pnorm(z);
#   exact p, for N <= 12: every distinct assignment of the N pooled positions to groups of the observed sizes
#     (combn recursion, N! / prod n_i! of them, equally likely) and J of each by the same pairwise rule, so ties
#     give the conditional distribution; increasing P(J >= j), decreasing P(J <= j), two-sided
#     min(1, 2 min(P(J <= j), P(J >= j))). For each such case the script also checks that the enumerated
#     distribution's mean and variance equal E J and Var J above (to 1e-12), which tests the formula, ties included.
#   exact p for two untied groups of up to 50 (N up to 100): J is the Mann-Whitney count #(x1 < x2), so
#     P(J <= j) = pwilcox(j, n1, n2) and P(J >= j) = pwilcox(j - 1, n1, n2, lower.tail = FALSE).
# 560 seeded cases, alternatives in turn: 220 enumerated untied (3-5 groups of 1-6, N <= 12, values with 4
# decimals, some with a trend); 120 enumerated with ties (2-5 groups of 1-6, 3 <= N <= 12, integers 1-5); 60 with
# two untied groups by pwilcox; 160 asymptotic only (3-5 groups of 5-40, integers from 3-12 levels, many ties,
# some with a trend), where pExact is null. Values are integers or have 4 decimals, so the JSON holds them exactly.
set.seed(1954)
alternatives <- c("two-sided", "increasing", "decreasing")

jt_brute <- function(groups) {
  J <- 0
  k <- length(groups)
  for (i in seq_len(k - 1)) for (j in (i + 1):k) {
    for (x in groups[[i]]) for (y in groups[[j]]) J <- J + (x < y) + 0.5 * (x == y)
  }
  J
}

jt_moments <- function(groups) {
  n <- lengths(groups)
  N <- sum(n)
  t <- as.vector(table(unlist(groups)))
  mean <- (N^2 - sum(n^2)) / 4
  var <- (N * (N - 1) * (2 * N + 5) - sum(n * (n - 1) * (2 * n + 5)) - sum(t * (t - 1) * (2 * t + 5))) / 72 +
    (if (N > 2) sum(n * (n - 1) * (n - 2)) * sum(t * (t - 1) * (t - 2)) / (36 * N * (N - 1) * (N - 2)) else 0) +
    sum(n * (n - 1)) * sum(t * (t - 1)) / (8 * N * (N - 1))
  list(mean = mean, var = var)
}

# All N! / prod(n_i!) label vectors (rows) giving group g to sizes[g] of the N positions.
all_labels <- function(sizes) {
  N <- sum(sizes)
  k <- length(sizes)
  out <- matrix(0L, 1, N)
  for (g in seq_len(k - 1)) {
    out <- do.call(rbind, lapply(seq_len(nrow(out)), function(r) {
      free <- which(out[r, ] == 0L)
      ch <- if (length(free) == sizes[g]) matrix(seq_along(free)) else combn(length(free), sizes[g])
      m <- matrix(out[r, ], ncol(ch), N, byrow = TRUE)
      m[cbind(rep(seq_len(ncol(ch)), each = sizes[g]), free[as.vector(ch)])] <- g
      m
    }))
  }
  out[out == 0L] <- k
  out
}

# J of every row of labels over the pooled values: each pair of positions a < b counts by the pairwise rule.
jt_all <- function(values, labels) {
  N <- length(values)
  J <- numeric(nrow(labels))
  for (a in seq_len(N - 1)) for (b in (a + 1):N) {
    la <- labels[, a]
    lb <- labels[, b]
    J <- J + if (values[a] < values[b]) (la < lb) else if (values[a] > values[b]) (la > lb) else 0.5 * (la != lb)
  }
  J
}

tails_of <- function(lower, upper, alternative) {
  switch(alternative, "increasing" = upper, "decreasing" = lower, "two-sided" = min(1, 2 * min(lower, upper)))
}

make_case <- function(groups, alternative, exact) {
  J <- jt_brute(groups)
  m <- jt_moments(groups)
  sd <- sqrt(m$var)
  z <- (J - m$mean) / sd
  p <- switch(alternative, "two-sided" = 2 * pnorm(-abs(z)), "increasing" = pnorm(z, lower.tail = FALSE), "decreasing" = pnorm(z))
  pExact <- NA
  if (exact == "enumeration") {
    sizes <- lengths(groups)
    values <- unlist(groups)
    labels <- all_labels(sizes)
    all <- jt_all(values, labels)
    observed <- jt_all(values, matrix(rep(seq_along(sizes), sizes), 1))
    stopifnot(observed == J, abs(mean(all) - m$mean) <= 1e-12 * m$mean,
              abs(mean((all - mean(all))^2) - m$var) <= 1e-12 * m$var)
    pExact <- tails_of(sum(all <= J) / length(all), sum(all >= J) / length(all), alternative)
  } else if (exact == "pwilcox") {
    n1 <- length(groups[[1]])
    n2 <- length(groups[[2]])
    pExact <- tails_of(pwilcox(J, n1, n2), pwilcox(J - 1, n1, n2, lower.tail = FALSE), alternative)
  }
  list(groups = lapply(groups, I), alternative = alternative, exact = exact, j = J, mean = m$mean, sd = sd, z = z,
       p = p, pExact = pExact)
}

split_values <- function(values, sizes) unname(split(values, rep(seq_along(sizes), sizes)))

draw_sizes <- function(k, lo, hi, maxN, minN = 2, maxArrangements = 2e5) {
  repeat {
    sizes <- sample(lo:hi, k, replace = TRUE)
    N <- sum(sizes)
    if (N >= minN && N <= maxN && factorial(N) / prod(factorial(sizes)) <= maxArrangements) return(sizes)
  }
}

trend <- function(sizes, step) rep(seq_along(sizes) - 1, sizes) * step

cases <- list()
add <- function(case) cases[[length(cases) + 1]] <<- case
alt <- function() alternatives[(length(cases) %% 3) + 1]

for (c in seq_len(220)) {
  sizes <- draw_sizes(sample(3:5, 1), 1, 6, 12)
  N <- sum(sizes)
  repeat {
    values <- round(rnorm(N) * 10 + trend(sizes, sample(c(0, 4, -4, 10), 1)), 4)
    if (!anyDuplicated(values)) break
  }
  add(make_case(split_values(values, sizes), alt(), "enumeration"))
}
for (c in seq_len(120)) {
  sizes <- draw_sizes(sample(2:5, 1), 1, 6, 12, minN = 3) # a tie and two distinct values need N >= 3
  N <- sum(sizes)
  repeat {
    values <- sample(1:sample(2:5, 1), N, replace = TRUE)
    if (anyDuplicated(values) && length(unique(values)) > 1) break
  }
  add(make_case(split_values(values, sizes), alt(), "enumeration"))
}
for (c in seq_len(60)) {
  sizes <- sample(1:50, 2, replace = TRUE)
  N <- sum(sizes)
  repeat {
    values <- round(rnorm(N) * 10 + trend(sizes, sample(c(0, 3, -3), 1)), 4)
    if (!anyDuplicated(values)) break
  }
  add(make_case(split_values(values, sizes), alt(), "pwilcox"))
}
for (c in seq_len(160)) {
  sizes <- sample(5:40, sample(3:5, 1), replace = TRUE)
  N <- sum(sizes)
  levels <- sample(3:12, 1)
  values <- pmin(levels, pmax(1, sample(1:levels, N, replace = TRUE) + round(trend(sizes, sample(c(0, 0.5, -0.5, 1), 1)))))
  if (length(unique(values)) < 2) values[1] <- values[1] %% levels + 1
  add(make_case(split_values(values, sizes), alt(), "none"))
}

out <- list(software = paste("R", getRversion()), command = "Rscript test/reference/stats/make_jonckheere_terpstra.R", cases = cases)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
