;; Declares a table of 100 000 elements (ResourceLimitsTest: over a smaller maxTableElements).
(module (table 100000 funcref))
