# Reference log-likelihoods of Poisson trajectory mixtures on the Toronto data (crimCV's TO1/TO2),
# fitted with R flexmix. Run from this folder:
#   Rscript flexmix_toronto.R ../../../../shared/peer-data/toronto
# (the worktree's ../shared; the result is printed as CSV and pasted into FlexmixReferenceTests.cs).
# A person's rows share the component (`| id`); minprior = 0 so flexmix never drops a small group;
# stepFlexmix keeps the best of nrep random starts. logLik() of a FLXMRglm(poisson) fit uses
# dpois(log = TRUE), i.e. the FULL log-likelihood including -log(y!).
suppressMessages(library(flexmix))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "../../../../shared/peer-data/toronto"
set.seed(20261122)
cat("data,k,order,loglik,df\n")
for (name in c("to1", "to2")) {
  wide <- read.csv(file.path(dir, paste0(name, ".csv")), check.names = FALSE)
  ages <- as.numeric(colnames(wide)[-1])
  long <- data.frame(id = rep(wide[[1]], times = length(ages)),
                     age = rep(ages, each = nrow(wide)),
                     y = as.vector(as.matrix(wide[, -1])))
  long <- long[!is.na(long$y) & long$y >= 0, ]
  long$a <- (long$age - mean(range(ages))) / (diff(range(ages)) / 2)
  for (ord in c(2, 3)) {
    f <- if (ord == 2) y ~ a + I(a^2) | id else y ~ a + I(a^2) + I(a^3) | id
    for (k in 2:4) {
      fit <- stepFlexmix(f, data = long, k = k, nrep = 20, verbose = FALSE,
                         model = FLXMRglm(family = "poisson"),
                         control = list(minprior = 0, iter.max = 2000, tolerance = 1e-10))
      ll <- logLik(fit)
      cat(sprintf("%s,%d,%d,%.6f,%d\n", name, k, ord, as.numeric(ll), attr(ll, "df")))
    }
  }
}
