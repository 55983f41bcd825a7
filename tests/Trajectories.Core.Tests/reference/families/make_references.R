# Independent references for the logit, censored-normal and negative-binomial families (issue 9).
# R draws the data with its own generator from known parameters, writes them as long CSV, and maximises the
# likelihood itself: flexmix (EM, 20 random starts) where it has the family (binomial; gaussian without censoring),
# a direct likelihood maximised by optim (BFGS from the truth, then Nelder-Mead polish) where it has not (censored
# normal, negative binomial). The C# tests fit the same CSVs and must reach at least these log-likelihoods.
# Run: Rscript make_references.R   (R 4.2, flexmix 2.3; writes *.csv and references.tsv beside this script)
suppressPackageStartupMessages(library(flexmix))
set.seed(20261203)
here <- if (length(sys.frames())) dirname(sys.frame(1)$ofile) else "."
args <- commandArgs(trailingOnly = FALSE)
f <- sub("^--file=", "", args[grep("^--file=", args)])
if (length(f)) here <- dirname(f)

times <- 11:20
u <- (times - mean(range(times))) / (diff(range(times)) / 2)
poly_u <- function(b, u) { v <- 0; for (j in seq_along(b)) v <- v + b[j] * u^(j - 1); v }

# Each person is observed on a random window of at least `minw` consecutive times (unbalanced panels).
draw <- function(n, shares, gen, minw = 10) {
  rows <- list(); truth <- integer(n)
  for (i in 1:n) {
    g <- sample(seq_along(shares), 1, prob = shares); truth[i] <- g
    len <- minw + sample(0:(length(times) - minw), 1); start <- sample(0:(length(times) - len), 1)
    idx <- (start + 1):(start + len)
    rows[[i]] <- data.frame(person_id = sprintf("P%04d", i), time = times[idx], count = gen(g, u[idx]))
  }
  list(data = do.call(rbind, rows), truth = truth)
}
out <- data.frame(name = character(), family = character(), groups = integer(), order = integer(),
                  persons = integer(), method = character(), log_likelihood = numeric(), truth_log_likelihood = numeric())
write_ref <- function(name, family, k, order, d, method, ll, ll_truth) {
  write.csv(d, file.path(here, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  out[nrow(out) + 1, ] <<- list(name, family, k, order, length(unique(d$person_id)), method, ll, ll_truth)
}
# Mixture log-likelihood from per-person, per-group log-densities (persons x groups) and shares.
mix_ll <- function(lp, shares) { a <- sweep(lp, 2, log(shares), "+"); m <- apply(a, 1, max); sum(m + log(rowSums(exp(a - m)))) }
per_person <- function(d, dens) { ids <- factor(d$person_id, levels = unique(d$person_id)); rowsum(dens, ids, reorder = FALSE) }

## logit: K = 2, quadratic, balanced 10 times
b_logit <- list(c(-2.0, 1.2, -1.0), c(0.6, -1.4, -0.6)); s_logit <- c(0.6, 0.4)
dl <- draw(500, s_logit, function(g, uu) rbinom(length(uu), 1, plogis(poly_u(b_logit[[g]], uu))))$data
dl$u <- (dl$time - 15.5) / 4.5
fm <- stepFlexmix(cbind(count, 1 - count) ~ u + I(u^2) | person_id, data = dl, k = 2,
                  model = FLXMRglm(family = "binomial"), nrep = 20, verbose = FALSE,
                  control = list(iter.max = 5000, tolerance = 1e-12))
lt <- mix_ll(per_person(dl, cbind(dbinom(dl$count, 1, plogis(poly_u(b_logit[[1]], dl$u)), log = TRUE),
                                  dbinom(dl$count, 1, plogis(poly_u(b_logit[[2]], dl$u)), log = TRUE))), s_logit)
write_ref("logit_k2_o2", "logit", 2, 2, dl[, c("person_id", "time", "count")], "flexmix binomial, 20 starts", logLik(fm)[1], lt)

## gaussian (cnorm with bounds far outside the data: no censoring): K = 3, quadratic, windows of >= 6 times
b_g <- list(c(1.0, 0.5, 0.0), c(4.0, 1.5, -1.0), c(8.0, -1.0, -1.5)); sd_g <- c(0.8, 1.2, 1.0); s_g <- c(0.5, 0.3, 0.2)
dg <- draw(400, s_g, function(g, uu) round(rnorm(length(uu), poly_u(b_g[[g]], uu), sd_g[g]), 6), minw = 6)$data
dg$u <- (dg$time - 15.5) / 4.5
fg <- stepFlexmix(count ~ u + I(u^2) | person_id, data = dg, k = 3, model = FLXMRglm(family = "gaussian"),
                  nrep = 20, verbose = FALSE, control = list(iter.max = 5000, tolerance = 1e-12))
lg <- mix_ll(per_person(dg, sapply(1:3, function(g) dnorm(dg$count, poly_u(b_g[[g]], dg$u), sd_g[g], log = TRUE))), s_g)
# flexmix's gaussian sigma is the ML one (sqrt of weighted RSS / weight): its logLik is the full normal likelihood.
write_ref("gaussian_k3_o2", "cnorm", 3, 2, dg[, c("person_id", "time", "count")], "flexmix gaussian, 20 starts", logLik(fg)[1], lg)

## censored normal: K = 2, quadratic, censored at 0 and 10, windows of >= 5 times
b_c <- list(c(0.5, 1.0, -1.5), c(6.0, 2.0, -2.0)); sd_c <- c(1.5, 2.0); s_c <- c(0.55, 0.45); lo <- 0; hi <- 10
dc <- draw(400, s_c, function(g, uu) round(pmin(pmax(rnorm(length(uu), poly_u(b_c[[g]], uu), sd_c[g]), lo), hi), 6), minw = 5)$data
dc$u <- (dc$time - 15.5) / 4.5
cn_dens <- function(y, mu, s) ifelse(y <= lo, pnorm((lo - mu) / s, log.p = TRUE),
                              ifelse(y >= hi, pnorm((mu - hi) / s, log.p = TRUE), dnorm(y, mu, s, log = TRUE)))
cn_ll <- function(p) {   # p = logit shares (K - 1), then per group: 3 betas, log sigma
  sh <- exp(c(0, p[1])); sh <- sh / sum(sh)
  lp <- sapply(1:2, function(g) { q <- p[1 + (g - 1) * 4 + 1:4]; cn_dens(dc$count, poly_u(q[1:3], dc$u), exp(q[4])) })
  mix_ll(per_person(dc, lp), sh)
}
p0 <- c(log(s_c[2] / s_c[1]), b_c[[1]], log(sd_c[1]), b_c[[2]], log(sd_c[2]))
o <- optim(p0, cn_ll, method = "BFGS", control = list(fnscale = -1, maxit = 10000, reltol = 1e-14))
o <- optim(o$par, cn_ll, method = "Nelder-Mead", control = list(fnscale = -1, maxit = 20000, reltol = 1e-14))
o <- optim(o$par, cn_ll, method = "BFGS", control = list(fnscale = -1, maxit = 10000, reltol = 1e-15))
write_ref("cnorm_k2_o2", "cnorm", 2, 2, dc[, c("person_id", "time", "count")], "optim (BFGS, Nelder-Mead, BFGS) from the truth", o$value, cn_ll(p0))

## negative binomial (NB2): K = 2, quadratic, dispersion per group, windows of >= 8 times
b_nb <- list(c(-1.0, 0.8, -0.8), c(1.0, -0.5, -1.0)); a_nb <- c(1.5, 0.4); s_nb <- c(0.65, 0.35)
dn <- draw(500, s_nb, function(g, uu) rnbinom(length(uu), size = 1 / a_nb[g], mu = exp(poly_u(b_nb[[g]], uu))), minw = 8)$data
dn$u <- (dn$time - 15.5) / 4.5
nb_ll <- function(p) {
  sh <- exp(c(0, p[1])); sh <- sh / sum(sh)
  lp <- sapply(1:2, function(g) { q <- p[1 + (g - 1) * 4 + 1:4]; dnbinom(dn$count, size = exp(-q[4]), mu = exp(poly_u(q[1:3], dn$u)), log = TRUE) })
  mix_ll(per_person(dn, lp), sh)
}
p0 <- c(log(s_nb[2] / s_nb[1]), b_nb[[1]], log(a_nb[1]), b_nb[[2]], log(a_nb[2]))
o <- optim(p0, nb_ll, method = "BFGS", control = list(fnscale = -1, maxit = 10000, reltol = 1e-14))
o <- optim(o$par, nb_ll, method = "Nelder-Mead", control = list(fnscale = -1, maxit = 20000, reltol = 1e-14))
o <- optim(o$par, nb_ll, method = "BFGS", control = list(fnscale = -1, maxit = 10000, reltol = 1e-15))
write_ref("nb_k2_o2", "nb", 2, 2, dn[, c("person_id", "time", "count")], "optim (BFGS, Nelder-Mead, BFGS) from the truth", o$value, nb_ll(p0))

## risk factors on membership (PROC TRAJ's RISK): Poisson, K = 3, quadratic, multinomial logit on sex and cohort
b_r <- list(c(-2.0, 0.5, -1.0), c(-0.3, -0.8, -0.6), c(0.8, 0.6, -0.8))
nr <- 600
risk <- data.frame(person_id = sprintf("P%04d", 1:nr), sex = rbinom(nr, 1, 0.4), cohort = round(rnorm(nr), 4))
eta_r <- cbind(0, 0.3 + 1.2 * risk$sex - 0.5 * risk$cohort, -0.8 + 0.4 * risk$sex + 0.9 * risk$cohort)
pr <- exp(eta_r) / rowSums(exp(eta_r))
rows <- list()
for (i in 1:nr) {
  g <- sample(1:3, 1, prob = pr[i, ])
  rows[[i]] <- data.frame(person_id = risk$person_id[i], time = times, count = rpois(length(times), exp(poly_u(b_r[[g]], u))))
}
dr <- do.call(rbind, rows); dr <- merge(dr, risk, by = "person_id"); dr <- dr[order(dr$person_id, dr$time), ]
dr$u <- (dr$time - 15.5) / 4.5
fr <- stepFlexmix(count ~ u + I(u^2) | person_id, data = dr, k = 3, model = FLXMRglm(family = "poisson"),
                  concomitant = FLXPmultinom(~ sex + cohort), nrep = 20, verbose = FALSE,
                  control = list(iter.max = 5000, tolerance = 1e-12))
# Components in canonical order (ascending mean rate over the grid), concomitant coefficients against the lowest.
pm <- parameters(fr); ord <- order(sapply(1:3, function(j) mean(exp(pm[1, j] + pm[2, j] * u + pm[3, j] * u^2))))
cc <- parameters(fr, which = "concomitant"); cc <- cc[, ord] - cc[, ord[1]]
coef_out <- data.frame(group = rep(2:3, each = 3), covariate = rep(c("intercept", "sex", "cohort"), 2),
                       estimate = sprintf("%.6f", c(cc[, 2], cc[, 3])))
write.table(coef_out, file.path(here, "risk_k3_o2_membership.tsv"), sep = "\t", row.names = FALSE, quote = FALSE)
write.csv(risk, file.path(here, "risk_k3_o2_risk.csv"), row.names = FALSE, quote = FALSE)
lr_truth <- {
  lp <- sapply(1:3, function(g) dpois(dr$count, exp(poly_u(b_r[[g]], dr$u)), log = TRUE))
  pp <- rowsum(lp, dr$person_id, reorder = TRUE)
  a <- pp + log(pr[match(rownames(pp), risk$person_id), ]); m <- apply(a, 1, max); sum(m + log(rowSums(exp(a - m))))
}
write_ref("risk_k3_o2", "poisson", 3, 2, dr[, c("person_id", "time", "count")], "flexmix poisson with FLXPmultinom(~ sex + cohort), 20 starts", logLik(fr)[1], lr_truth)

## time-varying covariate in the trajectory (PROC TRAJ's TCOV): Poisson, K = 2, quadratic, a 0/1 "detention" that
## changes by person and year (per-group effects -1.2 and -0.4) and a continuous "work" hours score (effects 0.3, 0.1)
b_t <- list(c(-1.2, 0.6, -0.9), c(0.5, -0.4, -0.7)); d_t <- list(c(-1.2, 0.3), c(-0.4, 0.1)); s_t <- c(0.6, 0.4)
nt <- 500; rows <- list(); tc <- list()
for (i in 1:nt) {
  g <- sample(1:2, 1, prob = s_t); id <- sprintf("P%04d", i)
  len <- 6 + sample(0:4, 1); start <- sample(0:(length(times) - len), 1); idx <- (start + 1):(start + len)
  det <- rbinom(len, 1, 0.25); work <- round(runif(len, 0, 2), 2)
  mu <- exp(poly_u(b_t[[g]], u[idx]) + d_t[[g]][1] * det + d_t[[g]][2] * work)
  rows[[i]] <- data.frame(person_id = id, time = times[idx], count = rpois(len, mu))
  # The covariate file also lists a year the outcomes do not observe (ignored by the reader).
  extra <- if (start > 0) start else NA
  tc[[i]] <- data.frame(person_id = id, time = c(times[idx], if (!is.na(extra)) times[extra]), detention = c(det, if (!is.na(extra)) 0),
                        work = c(work, if (!is.na(extra)) 1))
}
dt <- do.call(rbind, rows); tcv <- do.call(rbind, tc)
dt <- merge(dt, tcv, by = c("person_id", "time")); dt <- dt[order(dt$person_id, dt$time), ]
dt$u <- (dt$time - 15.5) / 4.5
ft <- stepFlexmix(count ~ u + I(u^2) + detention + work | person_id, data = dt, k = 2, model = FLXMRglm(family = "poisson"),
                  nrep = 20, verbose = FALSE, control = list(iter.max = 5000, tolerance = 1e-12))
pt <- parameters(ft); ordt <- order(sapply(1:2, function(j) mean(exp(pt[1, j] + pt[2, j] * u + pt[3, j] * u^2))))
tcov_out <- data.frame(group = rep(1:2, each = 2), covariate = rep(c("detention", "work"), 2),
                       estimate = sprintf("%.6f", c(pt[4:5, ordt[1]], pt[4:5, ordt[2]])),
                       truth = c(d_t[[1]], d_t[[2]]))
write.table(tcov_out, file.path(here, "tcov_k2_o2_effects.tsv"), sep = "\t", row.names = FALSE, quote = FALSE)
write.csv(tcv[order(tcv$person_id, tcv$time), ], file.path(here, "tcov_k2_o2_tcov.csv"), row.names = FALSE, quote = FALSE)
lt_truth <- {
  lp <- sapply(1:2, function(g) dpois(dt$count, exp(poly_u(b_t[[g]], dt$u) + d_t[[g]][1] * dt$detention + d_t[[g]][2] * dt$work), log = TRUE))
  mix_ll(rowsum(lp, dt$person_id, reorder = TRUE), s_t)
}
write_ref("tcov_k2_o2", "poisson", 2, 2, dt[, c("person_id", "time", "count")], "flexmix poisson y ~ u + u^2 + detention + work | id, 20 starts", logLik(ft)[1], lt_truth)

out$log_likelihood <- sprintf("%.6f", out$log_likelihood); out$truth_log_likelihood <- sprintf("%.6f", out$truth_log_likelihood)
write.table(out, file.path(here, "references.tsv"), sep = "\t", row.names = FALSE, quote = FALSE)
print(out)
