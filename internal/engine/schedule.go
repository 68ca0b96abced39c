package engine

import (
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
)

// A schedule runs one package's actions along the analyzers' requirements:
// an action starts once the actions it requires on the package are done.
// The package's own goroutine runs actions until none is left; when more
// than one is ready, helper goroutines run the others, each while it holds
// a free slot of the run's semaphore (a slot no other package is waiting
// for at that moment), so a run with more packages ready than slots runs
// each package's actions one after the other, as before, and an editor's
// run of one edited package uses the cores the others leave idle.
//
// What an action produces does not depend on the schedule: its result and
// diagnostics are its own, it reads only the results of the actions it
// requires, finished before it starts, and the package's fact store is
// locked while its analyzers may write it (pkgFacts.mu).
type schedule struct {
	acts  []*Action // in the engine's order
	run   func(i int)
	sem   chan struct{}
	users [][]int         // users[i]: the actions requiring acts[i] on the package
	prio  []time.Duration // how long the longest chain of actions from acts[i] on takes

	mu      sync.Mutex
	wake    *sync.Cond // signalled when an action is done
	waits   []int      // requirements of each action not yet done
	ready   []int      // actions whose requirements are done, not started
	left    int        // actions not done
	idle    bool       // the package's goroutine waits for an action
	helpers sync.WaitGroup
}

// newSchedule returns the schedule of acts (analyzer → its action on the
// package), in order, whose helpers take their slots from sem; cost is
// what an analyzer's action is expected to take (Engine.expected).
func newSchedule(order []*analysis.Analyzer, acts map[*analysis.Analyzer]*Action, sem chan struct{}, cost func(*analysis.Analyzer) time.Duration) *schedule {
	s := &schedule{sem: sem}
	s.wake = sync.NewCond(&s.mu)
	index := make(map[*analysis.Analyzer]int, len(acts))
	for _, a := range order {
		if act := acts[a]; act != nil {
			index[a] = len(s.acts)
			s.acts = append(s.acts, act)
		}
	}
	s.users = make([][]int, len(s.acts))
	s.waits = make([]int, len(s.acts))
	for i, act := range s.acts {
		for _, req := range act.Analyzer.Requires {
			if j, ok := index[req]; ok {
				s.users[j] = append(s.users[j], i)
				s.waits[i]++
			}
		}
	}
	s.prio = make([]time.Duration, len(s.acts))
	for i := len(s.acts) - 1; i >= 0; i-- { // users come after what they require
		var after time.Duration
		for _, u := range s.users[i] {
			after = max(after, s.prio[u])
		}
		s.prio[i] = cost(s.acts[i].Analyzer) + after
	}
	for i, w := range s.waits {
		if w == 0 {
			s.ready = append(s.ready, i)
		}
	}
	s.left = len(s.acts)
	return s
}

// runAll runs every action, calling run with its index, and returns when
// they are all done and the helpers have returned their slots.
func (s *schedule) runAll(run func(i int)) {
	s.run = run
	s.drain(true)
	s.helpers.Wait()
}

// drain runs the actions that next hands out (waiting for one while
// others are under way when wait is set) until it hands out none.
func (s *schedule) drain(wait bool) {
	s.mu.Lock()
	for {
		i, ok := s.next(wait)
		if !ok {
			break
		}
		s.mu.Unlock()
		s.runOne(i)
		s.mu.Lock()
	}
	s.mu.Unlock()
}

// next takes the ready action to run first, the one at the head of the
// longest chain of actions still to run, by their expected costs (then
// the first in the engine's order): a helper woken for the others starts
// later (about 0.1 ms when its core is idle), so the longest chain goes
// on at once on the goroutine that made it ready. The package's goroutine
// (wait) waits for one while actions are under way; a helper does not.
// It returns false when none is left to take. s.mu is held.
func (s *schedule) next(wait bool) (int, bool) {
	for len(s.ready) == 0 {
		if !wait || s.left == 0 {
			return 0, false
		}
		s.idle = true
		s.wake.Wait()
		s.idle = false
	}
	best := 0
	for k, i := range s.ready {
		if b := s.ready[best]; s.prio[i] > s.prio[b] || s.prio[i] == s.prio[b] && i < b {
			best = k
		}
	}
	i := s.ready[best]
	s.ready = append(s.ready[:best], s.ready[best+1:]...)
	return i, true
}

// runOne runs action i, marks it done, and hands the actions it made
// ready to the package's goroutine if it waits, and to helpers for as
// many free slots as there are actions left over.
func (s *schedule) runOne(i int) {
	s.run(i)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.left--
	for _, u := range s.users[i] {
		if s.waits[u]--; s.waits[u] == 0 {
			s.ready = append(s.ready, u)
		}
	}
	s.wake.Signal()
	spare := len(s.ready) - 1 // the caller takes one
	if s.idle {
		spare-- // and the waiting goroutine another
	}
	for ; spare > 0; spare-- {
		select {
		case s.sem <- struct{}{}:
			s.helpers.Add(1)
			go s.help()
		default:
			return // no free slot
		}
	}
}

// help runs ready actions until none is, then returns its slot.
func (s *schedule) help() {
	defer s.helpers.Done()
	defer func() { <-s.sem }()
	s.drain(false)
}
