# crimCV's leave-one-out cross-validation error (Nielsen et al. 2014; crimCV's dmZIP(rcv = TRUE)), computed from its
# definition in plain R, independently of Trajectories: a ZIP mixture with a polynomial of degree `order` in age for
# the log rate and a constant zero-inflation logit per group (crimCV's Z = intercept), fitted by optim (BFGS on the
# direct log-likelihood, 30 random starts, then polished); then for each person i the model is refitted without i,
# starting from the full-data maximum (as crimCV does), i's posterior under the refit is computed from i's own series,
# the prediction is sum_g post_g * (1 - q_g) * lambda_g(t), and
#   cv = mean |y - prediction|, cv2 = mean (y - prediction)^2, lcv = -2 * sum log f(y_i; refit).
# Persons with identical series have identical refits and predictions: refitted once per distinct series.
# Usage: Rscript crimcv_cve.R ../../../../shared/peer-data/toronto/to1adj.csv 2 2 > row.tsv
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]; K <- as.integer(args[2]); order <- as.integer(args[3])
wide <- read.csv(file, check.names = FALSE)
Y <- as.matrix(wide[, -1]); ages <- as.numeric(colnames(Y))
u <- (ages - mean(range(ages))) / (diff(range(ages)) / 2)
X <- outer(u, 0:order, `^`)
lfy <- lgamma(Y + 1)

unpack <- function(par) {
  p <- order + 1
  beta <- matrix(par[1:(p * K)], p, K)
  gamma <- par[p * K + 1:K]
  theta <- if (K > 1) c(0, par[(p + 1) * K + 1:(K - 1)]) else 0
  list(beta = beta, gamma = gamma, logw = theta - log(sum(exp(theta))))
}

# n x K matrix of log f(y_i | g) (constants included).
group_ll <- function(par, Yd, lf) {
  m <- unpack(par)
  sapply(1:K, function(g) {
    eta <- drop(X %*% m$beta[, g]); lam <- exp(eta)
    q <- plogis(m$gamma[g]); E <- matrix(eta, nrow(Yd), ncol(Yd), byrow = TRUE); L <- matrix(lam, nrow(Yd), ncol(Yd), byrow = TRUE)
    zero <- log(q + (1 - q) * exp(-L)); pos <- log(1 - q) + Yd * E - L - lf
    rowSums(ifelse(Yd > 0, pos, zero))
  })
}

loglik <- function(par, Yd, lf) {
  a <- sweep(matrix(group_ll(par, Yd, lf), nrow(Yd)), 2, unpack(par)$logw, `+`)
  mx <- apply(a, 1, max); sum(mx + log(rowSums(exp(a - mx))))
}

fit <- function(start, Yd, lf) {
  o <- optim(start, function(p) -loglik(p, Yd, lf), method = "BFGS", control = list(maxit = 20000, reltol = 1e-15))
  o <- optim(o$par, function(p) -loglik(p, Yd, lf), method = "BFGS", control = list(maxit = 20000, reltol = 1e-15, ndeps = rep(1e-5, length(o$par))))
  list(par = o$par, ll = -o$value)
}

set.seed(20261204)
npar <- (order + 1) * K + K + (K - 1)
best <- NULL
for (s in 1:30) {
  start <- c(as.vector(rbind(log(mean(Y) + 0.1) + rnorm(K, 0, 1.5), matrix(rnorm(order * K, 0, 0.5), order, K))),
             rnorm(K, -1, 1), if (K > 1) rnorm(K - 1, 0, 0.5))
  f <- tryCatch(fit(start, Y, lfy), error = function(e) NULL)
  if (!is.null(f) && is.finite(f$ll) && (is.null(best) || f$ll > best$ll)) best <- f
}

key <- apply(Y, 1, paste, collapse = ",")
abs_sum <- 0; sq_sum <- 0; lcv <- 0
for (k in unique(key)) {
  who <- which(key == k); i <- who[1]
  r <- fit(best$par, Y[-i, , drop = FALSE], lfy[-i, , drop = FALSE])
  m <- unpack(r$par)
  a <- group_ll(r$par, Y[i, , drop = FALSE], lfy[i, , drop = FALSE]) + m$logw
  mx <- max(a); post <- exp(a - mx) / sum(exp(a - mx))
  mu <- sapply(1:K, function(g) (1 - plogis(m$gamma[g])) * exp(drop(X %*% m$beta[, g])))
  pred <- drop(mu %*% post)
  abs_sum <- abs_sum + length(who) * sum(abs(Y[i, ] - pred))
  sq_sum <- sq_sum + length(who) * sum((Y[i, ] - pred)^2)
  lcv <- lcv - 2 * length(who) * (mx + log(sum(exp(a - mx))))
}
n <- length(Y)
cat(sprintf("%s\t%d\t%d\t0\t%.10f\t%.12f\t%.12f\t%.8f\n", basename(file), K, order, best$ll, abs_sum / n, sq_sum / n, lcv))
