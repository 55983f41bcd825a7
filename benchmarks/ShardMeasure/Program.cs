// Times sharded E-steps against local ones (see ShardRunner and benchmarks/README.md, "Sharded fits").
return ShardMeasure.ShardRunner.Run(args);
