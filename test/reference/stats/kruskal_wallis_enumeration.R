# Brute-force exact Kruskal-Wallis p, sourced by make_kruskal_wallis_exact.R and make_monte_carlo_p.R.
# Every distinct assignment of the N pooled midranks to groups of the observed sizes is listed, N!/(n1!...nk!)
# rows, and p = (assignments with H >= observed H)/(all assignments): the textbook definition (Kruskal &
# Wallis 1952; Hollander, Wolfe & Chicken 2014, section 6.1), conditional on the midranks, so ties are exact.
# H's tie correction and 12/(N(N + 1)) are the same for every assignment, so H >= h is decided on
# Q = sum_i E_i^2 * (L / n_i), E_i = sum over group i of 2 * rank - (N + 1), L = lcm(n_i): integers, exact in
# doubles here (N <= 13), so equal H are never split by rounding. The same count is also taken on H itself,
# computed by the textbook formula, with a relative tolerance of 1e-9, and the two must agree.

# All assignments as an integer matrix (one row per assignment, entries the group of each position), built
# group by group: every row has the same number of free positions, so one combn() table serves all rows.
kw_assignments <- function(sizes) {
  N <- sum(sizes)
  A <- matrix(0L, 1L, N)
  for (g in seq_len(length(sizes) - 1L)) {
    rows <- nrow(A)
    free <- sum(A[1L, ] == 0L)
    idx <- which(t(A) == 0L)
    Fp <- matrix((idx - 1L) %% N + 1L, nrow = rows, byrow = TRUE)
    cm <- combn(free, sizes[g])
    C <- ncol(cm)
    A2 <- A[rep(seq_len(rows), times = C), , drop = FALSE]
    r <- rep(seq_len(rows), times = C)
    for (t in seq_len(sizes[g])) {
      pos <- Fp[cbind(r, rep(cm[t, ], each = rows))]
      A2[cbind(seq_len(rows * C), pos)] <- g
    }
    A <- A2
  }
  A[A == 0L] <- length(sizes)
  A
}

gcd2 <- function(a, b) if (b == 0) a else gcd2(b, a %% b)
lcm_all <- function(v) Reduce(function(a, b) a / gcd2(a, b) * b, v, 1)

# x: values; g: group of each value (1..k, every group non-empty). Returns list(p, assignments).
kw_exact_p <- function(x, g) {
  N <- length(x)
  k <- max(g)
  sizes <- tabulate(g, k)
  o <- order(g)
  x <- x[o]
  g <- g[o]
  r <- rank(x)
  e <- 2 * r - (N + 1)
  L <- lcm_all(sizes)
  A <- kw_assignments(sizes)
  Q <- numeric(nrow(A))
  H <- numeric(nrow(A))
  ties <- table(x)
  correction <- 1 - sum(ties^3 - ties) / (N^3 - N)
  for (i in seq_len(k)) {
    Ei <- as.vector((A == i) %*% e)
    Ri <- as.vector((A == i) %*% r)
    Q <- Q + Ei^2 * (L / sizes[i])
    H <- H + Ri^2 / sizes[i]
  }
  H <- (12 / (N * (N + 1)) * H - 3 * (N + 1)) / correction
  q_obs <- sum(sapply(seq_len(k), function(i) sum(e[g == i])^2 * (L / sizes[i])))
  h_obs <- unname(kruskal.test(x, factor(g))$statistic)
  stopifnot(max(abs(Q)) < 2^53)
  count <- sum(Q >= q_obs)
  stopifnot(count == sum(H >= h_obs - 1e-9 * max(abs(h_obs), 1)))
  list(p = count / nrow(A), assignments = nrow(A))
}
