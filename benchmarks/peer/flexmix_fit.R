# Fits a K-group Poisson mixture with quadratic log-rate per group to a long CSV (person_id,time,count) with
# flexmix, as in the peer comparison: stepFlexmix with nrep random starts, minprior = 0 so that no group is dropped
# (trajectories never drops groups either). Prints the time of stepFlexmix alone and the full log-likelihood.
# usage: Rscript flexmix_fit.R DATA.csv K NREP SEED
suppressPackageStartupMessages(library(flexmix))
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
k <- as.integer(args[2])
nrep <- as.integer(args[3])
seed <- as.integer(args[4])
d <- read.csv(path, colClasses = c("character", "numeric", "integer"))
# Same time scale as trajectories (u in [-1, 1]); the likelihood does not depend on it, the conditioning of glm does.
centre <- (min(d$time) + max(d$time)) / 2
half <- (max(d$time) - min(d$time)) / 2
d$a <- (d$time - centre) / half
d$y <- d$count
d$id <- factor(d$person_id)
set.seed(seed)
elapsed <- system.time(
  m <- stepFlexmix(y ~ a + I(a^2) | id, data = d, k = k, nrep = nrep,
                   model = FLXMRglm(family = "poisson"), control = list(minprior = 0), verbose = FALSE)
)[["elapsed"]]
ll <- as.numeric(logLik(m))
cat(sprintf("flexmix_seconds %.3f\n", elapsed))
cat(sprintf("flexmix_loglik %.6f\n", ll))
cat(sprintf("flexmix_groups %d\n", length(m@prior)))
cat(sprintf("flexmix_shares %s\n", paste(sprintf("%.4f", sort(m@prior)), collapse = " ")))
