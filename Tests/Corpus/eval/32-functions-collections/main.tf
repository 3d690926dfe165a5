variable "environments" {
  type    = list(string)
  default = ["dev", "staging", "prod"]
}

variable "sizes" {
  type = map(string)
  default = {
    dev     = "t3.micro"
    staging = "t3.small"
    prod    = "m5.large"
  }
}

variable "numbers" {
  type    = list(number)
  default = [5, 3, 9, 1, 3]
}

locals {
  results = {
    zipmap           = zipmap(var.environments, [1, 2, 3])
    lookup_hit       = lookup(var.sizes, "prod", "t3.nano")
    lookup_miss      = lookup(var.sizes, "qa", "t3.nano")
    merge            = merge({ a = 1, b = 2 }, { b = 3, c = 4 })
    merge_objects    = merge({ x = "1" }, { y = true })
    concat           = concat(["a"], ["b", "c"], [])
    distinct         = distinct(var.numbers)
    sort_strings     = sort(["b", "a", "C", "10", "9"])
    sort_numbers     = sort(var.numbers)
    reverse          = reverse(var.environments)
    slice            = slice(var.environments, 1, 3)
    chunklist        = chunklist(["a", "b", "c", "d", "e"], 2)
    setunion         = setunion(["a", "b"], ["b", "c"])
    setintersection  = setintersection(["a", "b", "c"], ["b", "c", "d"])
    setsubtract      = setsubtract(["a", "b", "c"], ["b"])
    setproduct       = setproduct(["x", "y"], [1, 2])
    contains         = contains(var.environments, "prod")
    index            = index(var.environments, "staging")
    keys             = keys(var.sizes)
    values           = values(var.sizes)
    transpose        = transpose({ a = ["1", "2"], b = ["2", "3"] })
    coalesce         = coalesce("", null, "fallback")
    coalesce_num     = coalesce(null, 0, 5)
    coalescelist     = coalescelist([], ["x"])
    compact          = compact(["a", "", "b", null])
    one_empty        = one([])
    one_value        = one(["only"])
    sum              = sum(var.numbers)
    min              = min(var.numbers...)
    max              = max(3, 7.5, -2)
    range_1          = range(3)
    range_2          = range(1, 10, 3)
    range_3          = range(5, 0, -2)
    range_frac       = range(0, 1, 0.25)
    element_wrap     = element(var.environments, 4)
    length_map       = length(var.sizes)
    flatten          = flatten([["a", ["b"]], [], "c"])
    matchkeys        = matchkeys(["i-1", "i-2", "i-3"], ["us", "eu", "us"], ["us"])
    alltrue          = alltrue([true, 1 == 1])
    anytrue          = anytrue([false, "a" == "b"])
    tolist_set       = tolist(toset(["b", "a", "b"]))
    tomap            = tomap({ a = 1, b = "2" })
    list_index_neg   = try(var.environments[-1], "no negative index")
    map_of_lists     = { for env in var.environments : env => [for i in range(2) : "${env}-${i}"] }
    nested_lookup    = lookup({ a = { b = "deep" } }, "a").b
    splat_keys       = [for k, v in var.sizes : k if startswith(v, "t3")]
    sort_keys_values = [for k in sort(keys(var.sizes)) : var.sizes[k]]
  }
}

resource "terraform_data" "collections" {
  input = local.results
}

resource "terraform_data" "per_env" {
  for_each = zipmap(var.environments, values(var.sizes))

  input = "${each.key}=${each.value}"
}
