/**
 * Classes that each break one dependency rule, so {@code DependencyRulesTest} can show that every
 * rule fails when its dependency appears. Nothing outside this package uses them.
 */
package dev.hauntedhelpdesk.architecture.wrong;
