package envgraph

// An instance that is neither the global one nor a viper.New() variable
// used only in its package (a *viper.Viper parameter, a field, a
// function's result) may be asked keys in one package and given
// AutomaticEnv in another: jaeger's pkg/config turns on AutomaticEnv and
// hands the instance to every plugin's InitFromViper(v), which asks
// v.GetString("prometheus.query.namespace"). No package sees both halves,
// so each records its half in its viperGlobal fact (Pool, PoolEnvs) and
// the main package's Program joins them: each constant key asked of such
// an instance anywhere in the program, under each known AutomaticEnv
// setting of such an instance, is a key the program reads.
//
// The join only adds keys read. The prefix reference of such an
// AutomaticEnv stays as it is (a prefix, or a dynamic read with no prefix),
// since no package can tell where the instance goes: a key asked through
// a variable, AllSettings, Unmarshal into a map or an instance handed to
// code that asks keys it cannot name still read any key with the prefix.
//
// The join may count read a key that is not: it pairs every key asked
// with every setting, whichever instances they belong to. A sub-tree
// instance (Sub) the package sees made is left out of the pool
// (viperSubtree): viper (v1.18 on) reads sub := v.Sub("db");
// sub.GetString("host") as DB_HOST, not HOST, and before v1.18 no env key
// at all. One handed on from elsewhere is pooled as it is, its keys
// without the sub-tree's.

// viperPoolFact records in the package's fact the constant keys asked of
// the pool's instances and the known settings of their AutomaticEnv calls.
func (s *state) viperPoolFact() {
	u := &s.vk.pool
	for _, a := range u.asks {
		s.vk.fact.Pool = append(s.vk.fact.Pool, a.factKey())
	}
	s.vk.fact.Pool = sortedSet(s.vk.fact.Pool)
	for _, site := range u.auto {
		if env, ok := s.viperEnvOf(&viperUse{auto: []callSite{site}}); ok {
			s.vk.fact.PoolEnvs = append(s.vk.fact.PoolEnvs, env)
		}
	}
}

// viperPoolKeys adds to p the env key of each key asked of the program's
// pool instances under each of their known AutomaticEnv settings; a
// subtree ask adds its prefix.
func viperPoolKeys(p *Program, envs []viperEnv, asks []string) {
	for _, e := range envs {
		viperEnvKeys(p, e, asks)
	}
}
