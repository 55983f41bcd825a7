# Reference values for Trajectories.Analysis.Tests/Statistics. Run: Rscript references.R
# Every number pasted into a test comes from a line below; the test cites the same expression.
options(digits = 17)
p <- function(label, x) cat(label, "=", format(x, digits = 17), "\n")

# --- Fisher's exact test, 2x2: matrix(c(A, C, B, D), 2) has rows (A, B) and (C, D)
f1 <- fisher.test(matrix(c(3, 1, 1, 3), 2)); p("fisher 3,1,1,3 p", f1$p.value)
f2 <- fisher.test(matrix(c(10, 3, 2, 15), 2))
p("fisher 10,2,3,15 p", f2$p.value); p("fisher 10,2,3,15 est", f2$estimate); p("fisher 10,2,3,15 ci", f2$conf.int)
f3 <- fisher.test(matrix(c(45, 20, 585, 610), 2)); p("fisher 45,585,20,610 p", f3$p.value)
f4 <- fisher.test(matrix(c(0, 5, 10, 5), 2)); p("fisher 0,10,5,5 p", f4$p.value); p("fisher 0,10,5,5 ci", f4$conf.int)
f5 <- fisher.test(matrix(c(60000, 50000, 940000, 950000), 2)); p("fisher 1e6 p", f5$p.value)

# --- Pearson chi-square
c1 <- chisq.test(matrix(c(465, 375, 265, 165, 255, 365), 3), correct = FALSE)
p("chisq 3x2 stat", c1$statistic); p("chisq 3x2 p", c1$p.value)
c2 <- chisq.test(matrix(c(12, 5, 7, 9, 20, 11, 4, 8, 15), 3), correct = FALSE)
p("chisq 3x3 stat", c2$statistic); p("chisq 3x3 p", c2$p.value)
c3 <- chisq.test(matrix(c(45, 20, 585, 610), 2)); p("chisq yates 2x2 stat", c3$statistic); p("chisq yates 2x2 p", c3$p.value)
c4 <- chisq.test(matrix(c(500, 100, 100, 500), 2), correct = FALSE); p("chisq tiny p", c4$p.value)

# --- Fisher-Freeman-Halton exact (r x c) for the Monte-Carlo check
p("ffh 3x3 exact p", fisher.test(matrix(c(3, 1, 0, 1, 4, 1, 0, 2, 5), 3))$p.value)

# --- Fisher-Freeman-Halton exact, k x 2 (network algorithm in the tests); rows are (events, non-events) per group
k2 <- function(label, v) p(label, fisher.test(matrix(v, ncol = 2, byrow = TRUE), workspace = 2e9)$p.value)
k2("ffh k2 a", c(3, 222, 12, 163, 2, 133, 9, 86))
k2("ffh k2 b", c(1, 224, 3, 172, 0, 135, 4, 91))
k2("ffh k2 c", c(10, 215, 4, 171, 6, 129, 0, 95, 3, 60))
k2("ffh k2 d", c(40, 2000, 25, 1500, 3, 900, 1, 600))
k2("ffh k2 e", c(0, 50, 0, 60, 1, 70, 4, 30, 2, 40, 0, 20))
k2("ffh k2 f", c(2, 598, 1, 399, 0, 300, 6, 194, 3, 97, 0, 150, 1, 49))
rare <- function(label, x, n) p(label, fisher.test(cbind(x, n - x), workspace = 2e9)$p.value)
rare("ffh k2 rare 1", c(12, 15, 4, 14, 9, 6), c(3000, 2500, 2000, 1500, 1000, 500))
rare("ffh k2 rare 2", c(2, 1, 9, 0, 3, 7), c(4000, 3000, 2000, 1000, 600, 400))

# --- 1:1 matched pairs: conditional logistic regression (survival::clogit) and McNemar; pair counts a, b, c, d
suppressMessages(library(survival))
pairs_data <- function(a, b, c, d) {
  n <- a + b + c + d
  data.frame(id = rep(seq_len(n), each = 2), case = rep(c(1, 0), n),
             y = c(rep(c(1, 1), a), rep(c(1, 0), b), rep(c(0, 1), c), rep(c(0, 0), d)))
}
for (t in list(c(30, 40, 18, 112), c(5, 27, 9, 60))) {
  f <- clogit(case ~ y + strata(id), data = pairs_data(t[1], t[2], t[3], t[4]))
  label <- paste("clogit", paste(t, collapse = ","))
  p(paste(label, "or"), exp(coef(f))); p(paste(label, "ci"), summary(f)$conf.int[3:4])
  p(paste(label, "mcnemar p"), mcnemar.test(matrix(c(t[1], t[3], t[2], t[4]), 2))$p.value)
}

# --- binom.test
b1 <- binom.test(7, 20, 0.2); p("binom 7,20,0.2 p", b1$p.value); p("binom 7,20,0.2 ci", b1$conf.int)
b2 <- binom.test(3, 30, 0.5); p("binom 3,30 p", b2$p.value); p("binom 3,30 ci", b2$conf.int)
b3 <- binom.test(0, 12); p("binom 0,12 ci", b3$conf.int)
p("binom 26,40,0.3 p", binom.test(26, 40, 0.3)$p.value)

# --- Wilson (prop.test without continuity correction)
p("wilson 45,630", prop.test(45, 630, correct = FALSE)$conf.int)
p("wilson 0,50", prop.test(0, 50, correct = FALSE)$conf.int)

# --- McNemar: matrix(c(a, c, b, d), 2) with b = case-only, c = control-only
p("mcnemar 40,22 stat", mcnemar.test(matrix(c(500, 22, 40, 68), 2))$statistic)
p("mcnemar 40,22 p", mcnemar.test(matrix(c(500, 22, 40, 68), 2))$p.value)
p("mcnemar exact 9,2 p", binom.test(9, 11)$p.value)
p("mcnemar exact 9,2 ci", binom.test(9, 11)$conf.int)  # -> OR ci = ci / (1 - ci)

# --- Wilcoxon rank-sum, normal approximation with ties
x <- c(1, 1, 2, 3, 3, 3, 4, 5, 7, 1, 2, 2, 6)
y <- c(1, 1, 1, 2, 2, 3, 1, 4, 1, 2)
w1 <- wilcox.test(x, y, exact = FALSE, correct = TRUE); p("wilcox cc W", w1$statistic); p("wilcox cc p", w1$p.value)
w2 <- wilcox.test(x, y, exact = FALSE, correct = FALSE); p("wilcox nocc p", w2$p.value)

# --- Kruskal-Wallis
z <- c(2, 5, 1, 1, 3, 8, 2)
k1 <- kruskal.test(list(x, y, z)); p("kruskal stat", k1$statistic); p("kruskal p", k1$p.value)

# --- Holm
p("holm", p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5, 0.04), "holm"))

# --- Poisson rate ratio
r1 <- poisson.test(c(1442, 938), c(465, 375)); p("poisson p", r1$p.value); p("poisson est", r1$estimate); p("poisson ci", r1$conf.int)
r2 <- poisson.test(c(11, 3), c(20, 15)); p("poisson small p", r2$p.value); p("poisson small ci", r2$conf.int)

# --- Quasi-Poisson ratio of means
g <- factor(c(rep("a", length(x)), rep("b", length(y))), levels = c("b", "a"))
m <- glm(c(x, y) ~ g, family = quasipoisson)
s <- summary(m)$coefficients
p("qp se", s[2, 2]); p("qp t", s[2, 3]); p("qp p", s[2, 4])
p("qp ci", exp(coef(m)[2] + c(-1, 1) * qt(0.975, m$df.residual) * s[2, 2]))

# --- Risk ratio (Katz) and odds ratio (Woolf), by formula
rr <- (45/630)/(20/630); se <- sqrt(1/45 - 1/630 + 1/20 - 1/630)
p("katz 45/630 vs 20/630", exp(log(rr) + c(-1, 1) * qnorm(0.975) * se))
se0 <- sqrt(1/0.5 - 1/631 + 1/20.5 - 1/631)
p("katz haldane 0/630 vs 20/630", exp(log((0.5/631)/(20.5/631)) + c(-1, 1) * qnorm(0.975) * se0))
seor <- sqrt(1/45 + 1/585 + 1/20 + 1/610)
p("woolf", exp(log(45*610/(585*20)) + c(-1, 1) * qnorm(0.975) * seor))

# --- Fisher conditional-MLE interval solved tightly (R's own uses uniroot tol ~1.2e-4, too loose to compare at 1e-8)
tab <- c(10, 2, 3, 15)  # A, B, C, D
m <- tab[1] + tab[3]; n <- tab[2] + tab[4]; k <- tab[1] + tab[2]; x <- tab[1]
lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
logdc <- dhyper(support, m, n, k, log = TRUE)
dn <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
pn_up <- function(q, ncp) sum(dn(ncp)[support >= q]); pn_lo <- function(q, ncp) sum(dn(ncp)[support <= q])
mn <- function(ncp) sum(support * dn(ncp))
p("fisher 10,2,3,15 tight est", exp(uniroot(function(t) mn(exp(t)) - x, c(-10, 10), tol = 1e-13)$root))
p("fisher 10,2,3,15 tight low", exp(uniroot(function(t) pn_up(x, exp(t)) - 0.025, c(-10, 10), tol = 1e-13)$root))
p("fisher 10,2,3,15 tight high", exp(uniroot(function(t) pn_lo(x, exp(t)) - 0.025, c(-10, 10), tol = 1e-13)$root))

# --- Large-n binomial
p("binom 510000,1e6 p", binom.test(510000, 1e6)$p.value)

# --- Fisher on a 2e5 table: conditional MLE and interval (R's uniroot tolerance is relative to an OR near 1 here,
#     so R's values are good to ~1e-4 absolute)
f6 <- fisher.test(matrix(c(6000, 5000, 94000, 95000), 2))
p("fisher 2e5 p", f6$p.value); p("fisher 2e5 est", f6$estimate); p("fisher 2e5 ci", f6$conf.int)

# --- Exact Fisher-Freeman-Halton (FEXACT) for r x c
p("ffh 4x2 exact p", fisher.test(matrix(c(5, 2, 1, 0, 120, 150, 95, 60), 4))$p.value)
p("ffh 2x3 exact p", fisher.test(matrix(c(2, 7, 3, 1, 0, 6), 2))$p.value)

# --- Clopper-Pearson at the edges with n = 1e6
p("cp 1,1e6", binom.test(1, 1e6)$conf.int)
p("cp 999999,1e6", binom.test(999999, 1e6)$conf.int)
