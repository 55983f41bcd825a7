# Reference log-likelihoods of Poisson trajectory mixtures WITH EXPOSURE on the Toronto data: counts to1.csv,
# time at risk to1risk.csv entering as offset log(risk) (crimCV's TO1Risk). Run from this folder:
#   Rscript flexmix_toronto_exposure.R /work/shared/peer-data/toronto
# Person-years with risk <= 0 are dropped (no time at risk, as the test's reader does).
suppressMessages(library(flexmix))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "../../../../shared/peer-data/toronto"
set.seed(20261122)
cat("data,k,order,loglik,df\n")
wide <- read.csv(file.path(dir, "to1.csv"), check.names = FALSE)
risk <- read.csv(file.path(dir, "to1risk.csv"), check.names = FALSE)
ages <- as.numeric(colnames(wide)[-1])
long <- data.frame(id = rep(wide[[1]], times = length(ages)),
                   age = rep(ages, each = nrow(wide)),
                   y = as.vector(as.matrix(wide[, -1])),
                   e = pmin(as.vector(as.matrix(risk[, -1])), 1))
long <- long[!is.na(long$y) & long$y >= 0 & long$e > 0, ]
long$a <- (long$age - mean(range(ages))) / (diff(range(ages)) / 2)
for (k in 2:3) {
  fit <- stepFlexmix(y ~ a + I(a^2) | id, data = long, k = k, nrep = 10, verbose = FALSE,
                     model = FLXMRglm(family = "poisson", offset = log(long$e)),
                     control = list(minprior = 0, iter.max = 2000, tolerance = 1e-10))
  ll <- logLik(fit)
  cat(sprintf("to1risk,%d,2,%.6f,%d\n", k, as.numeric(ll), attr(ll, "df")))
}
