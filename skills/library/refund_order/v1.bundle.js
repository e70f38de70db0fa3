/* knack:bundle v1 */
var __knackSkill = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // refund_order.ts
  var refund_order_exports = {};
  __export(refund_order_exports, {
    default: () => refundOrder,
    meta: () => meta
  });
  var meta = { name: "refund_order", description: "Refund order <orderId> for Edsger." };
  async function refundOrder(input, tools) {
    const order = await tools.get_order({ id: input.orderId });
    const foundItem = order.items.find((item) => item.name === input.itemName);
    if (!foundItem) throw new Error(`No item with name ${JSON.stringify(input.itemName)} was found.`);
    const refundOrder2 = await tools.refund_order({
      orderId: input.orderId,
      amount: foundItem.unitPrice,
      reason: `Partial refund: ${input.itemName}`
    });
    await tools.send_email({
      to: order.customer.email,
      subject: `Your refund for order ${input.orderId}`,
      body: `Hi ${order.customer.name}, we refunded ${refundOrder2.amount} USD for the ${input.itemName}.`
    });
    return { refundId: refundOrder2.id, amount: refundOrder2.amount };
  }
  return __toCommonJS(refund_order_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsicmVmdW5kX29yZGVyLnRzIl0sCiAgInNvdXJjZXNDb250ZW50IjogWyJpbXBvcnQgdHlwZSB7IFRvb2xzIH0gZnJvbSBcImtuYWNrOnRvb2xzXCI7XG5cbmV4cG9ydCBjb25zdCBtZXRhID0geyBuYW1lOiBcInJlZnVuZF9vcmRlclwiLCBkZXNjcmlwdGlvbjogXCJSZWZ1bmQgb3JkZXIgPG9yZGVySWQ+IGZvciBFZHNnZXIuXCIgfSBhcyBjb25zdDtcblxuZXhwb3J0IGludGVyZmFjZSBJbnB1dCB7XG4gIG9yZGVySWQ6IHN0cmluZztcbiAgaXRlbU5hbWU6IHN0cmluZztcbn1cblxuZXhwb3J0IGludGVyZmFjZSBPdXRwdXQge1xuICByZWZ1bmRJZDogc3RyaW5nO1xuICBhbW91bnQ6IG51bWJlcjtcbn1cblxuLyoqIFJlZnVuZCBvcmRlciA8b3JkZXJJZD4gZm9yIEVkc2dlci4gKHRyYWNlLWNvbXBpbGVkIGZyb20gbXVsdGktdHVybi1wYXJ0aWFsLXJlZnVuZC04ODE5LikgKi9cbmV4cG9ydCBkZWZhdWx0IGFzeW5jIGZ1bmN0aW9uIHJlZnVuZE9yZGVyKGlucHV0OiBJbnB1dCwgdG9vbHM6IFRvb2xzKTogUHJvbWlzZTxPdXRwdXQ+IHtcbiAgLy8gbXVsdGktdHVybi1wYXJ0aWFsLXJlZnVuZC04ODE5IHN0ZXAgMTogZ2V0X29yZGVyXG4gIGNvbnN0IG9yZGVyID0gYXdhaXQgdG9vbHMuZ2V0X29yZGVyKHsgaWQ6IGlucHV0Lm9yZGVySWQgfSk7XG4gIC8vIG11bHRpLXR1cm4tcGFydGlhbC1yZWZ1bmQtODgxOSBzdGVwIDI6IHJlZnVuZF9vcmRlclxuICBjb25zdCBmb3VuZEl0ZW0gPSBvcmRlci5pdGVtcy5maW5kKChpdGVtKSA9PiBpdGVtLm5hbWUgPT09IGlucHV0Lml0ZW1OYW1lKTtcbiAgaWYgKCFmb3VuZEl0ZW0pIHRocm93IG5ldyBFcnJvcihgTm8gaXRlbSB3aXRoIG5hbWUgJHtKU09OLnN0cmluZ2lmeShpbnB1dC5pdGVtTmFtZSl9IHdhcyBmb3VuZC5gKTtcbiAgY29uc3QgcmVmdW5kT3JkZXIgPSBhd2FpdCB0b29scy5yZWZ1bmRfb3JkZXIoe1xuICAgIG9yZGVySWQ6IGlucHV0Lm9yZGVySWQsXG4gICAgYW1vdW50OiBmb3VuZEl0ZW0udW5pdFByaWNlLFxuICAgIHJlYXNvbjogYFBhcnRpYWwgcmVmdW5kOiAke2lucHV0Lml0ZW1OYW1lfWAsXG4gIH0pO1xuICAvLyBtdWx0aS10dXJuLXBhcnRpYWwtcmVmdW5kLTg4MTkgc3RlcCAzOiBzZW5kX2VtYWlsXG4gIGF3YWl0IHRvb2xzLnNlbmRfZW1haWwoe1xuICAgIHRvOiBvcmRlci5jdXN0b21lci5lbWFpbCxcbiAgICBzdWJqZWN0OiBgWW91ciByZWZ1bmQgZm9yIG9yZGVyICR7aW5wdXQub3JkZXJJZH1gLFxuICAgIGJvZHk6IGBIaSAke29yZGVyLmN1c3RvbWVyLm5hbWV9LCB3ZSByZWZ1bmRlZCAke3JlZnVuZE9yZGVyLmFtb3VudH0gVVNEIGZvciB0aGUgJHtpbnB1dC5pdGVtTmFtZX0uYCxcbiAgfSk7XG4gIHJldHVybiB7IHJlZnVuZElkOiByZWZ1bmRPcmRlci5pZCwgYW1vdW50OiByZWZ1bmRPcmRlci5hbW91bnQgfTtcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7OztBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFFTyxNQUFNLE9BQU8sRUFBRSxNQUFNLGdCQUFnQixhQUFhLHFDQUFxQztBQWE5RixpQkFBTyxZQUFtQyxPQUFjLE9BQStCO0FBRXJGLFVBQU0sUUFBUSxNQUFNLE1BQU0sVUFBVSxFQUFFLElBQUksTUFBTSxRQUFRLENBQUM7QUFFekQsVUFBTSxZQUFZLE1BQU0sTUFBTSxLQUFLLENBQUMsU0FBUyxLQUFLLFNBQVMsTUFBTSxRQUFRO0FBQ3pFLFFBQUksQ0FBQyxVQUFXLE9BQU0sSUFBSSxNQUFNLHFCQUFxQixLQUFLLFVBQVUsTUFBTSxRQUFRLENBQUMsYUFBYTtBQUNoRyxVQUFNQSxlQUFjLE1BQU0sTUFBTSxhQUFhO0FBQUEsTUFDM0MsU0FBUyxNQUFNO0FBQUEsTUFDZixRQUFRLFVBQVU7QUFBQSxNQUNsQixRQUFRLG1CQUFtQixNQUFNLFFBQVE7QUFBQSxJQUMzQyxDQUFDO0FBRUQsVUFBTSxNQUFNLFdBQVc7QUFBQSxNQUNyQixJQUFJLE1BQU0sU0FBUztBQUFBLE1BQ25CLFNBQVMseUJBQXlCLE1BQU0sT0FBTztBQUFBLE1BQy9DLE1BQU0sTUFBTSxNQUFNLFNBQVMsSUFBSSxpQkFBaUJBLGFBQVksTUFBTSxnQkFBZ0IsTUFBTSxRQUFRO0FBQUEsSUFDbEcsQ0FBQztBQUNELFdBQU8sRUFBRSxVQUFVQSxhQUFZLElBQUksUUFBUUEsYUFBWSxPQUFPO0FBQUEsRUFDaEU7IiwKICAibmFtZXMiOiBbInJlZnVuZE9yZGVyIl0KfQo=
