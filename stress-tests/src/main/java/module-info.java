/** JCStress tests of ftmem's concurrent protocols, one package per module under test. */
module io.github.ftmem.stress {
    requires io.github.ftmem.core;
    requires jcstress.core;
}
