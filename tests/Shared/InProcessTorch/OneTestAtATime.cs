// Torch's random generator and thread count belong to the process: a test that seeds the
// generator and then builds networks gets other weights if a test of another class draws from
// it meanwhile (it did: seeds trained together differed from seeds alone only while the
// stacked network's tests ran beside them). The tests of an assembly that trains in the
// process therefore run one at a time; TrainingLock still orders them against other processes.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
