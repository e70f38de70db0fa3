/**
 * Evaluates an arithmetic expression (`+ - * /`, parentheses, decimals) without `eval`, as the
 * `calculate` tool does. Throws for anything else.
 */
export function calculate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (): string | undefined => tokens[position++];
  const primary = (): number => {
    const token = take();
    if (token === '(') {
      const value = sum();
      if (take() !== ')') throw new Error('Unbalanced parentheses.');
      return value;
    }
    if (token === '-') return -primary();
    if (token !== undefined && /^\d/.test(token)) return Number(token);
    throw new Error(`Invalid expression: unexpected ${token === undefined ? 'end' : `"${token}"`}.`);
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/') {
      const operator = take();
      const right = primary();
      if (operator === '/' && right === 0) throw new Error('Division by zero.');
      value = operator === '*' ? value * right : value / right;
    }
    return value;
  };
  function sum(): number {
    let value = product();
    while (peek() === '+' || peek() === '-') value = take() === '+' ? value + product() : value - product();
    return value;
  }
  const value = sum();
  if (position !== tokens.length) throw new Error(`Invalid expression: unexpected "${peek() ?? ''}".`);
  return value;
}
