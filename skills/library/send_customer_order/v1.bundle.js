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

  // send_customer_order.ts
  var send_customer_order_exports = {};
  __export(send_customer_order_exports, {
    default: () => sendCustomerOrder,
    meta: () => meta
  });
  var meta = { name: "send_customer_order", description: "Send the customer of order <orderId> a prepaid <carrier> return label." };
  async function sendCustomerOrder(input, tools) {
    const order = await tools.get_order({ id: input.orderId });
    const returnLabel = await tools.create_return_label({ orderId: input.orderId, carrier: input.carrier, apiKey: input.apiKey });
    await tools.send_email({
      to: order.customer.email,
      subject: `Return label for order ${input.orderId}`,
      body: `Hi ${order.customer.name}, print your ${input.carrier} return label here: ${returnLabel.labelUrl}`
    });
    return { labelId: returnLabel.id, trackingNumber: returnLabel.trackingNumber };
  }
  return __toCommonJS(send_customer_order_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsic2VuZF9jdXN0b21lcl9vcmRlci50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiaW1wb3J0IHR5cGUgeyBUb29scyB9IGZyb20gXCJrbmFjazp0b29sc1wiO1xuXG5leHBvcnQgY29uc3QgbWV0YSA9IHsgbmFtZTogXCJzZW5kX2N1c3RvbWVyX29yZGVyXCIsIGRlc2NyaXB0aW9uOiBcIlNlbmQgdGhlIGN1c3RvbWVyIG9mIG9yZGVyIDxvcmRlcklkPiBhIHByZXBhaWQgPGNhcnJpZXI+IHJldHVybiBsYWJlbC5cIiB9IGFzIGNvbnN0O1xuXG5leHBvcnQgaW50ZXJmYWNlIElucHV0IHtcbiAgb3JkZXJJZDogc3RyaW5nO1xuICBjYXJyaWVyOiBcIlVQU1wiIHwgXCJESExcIiB8IFwiRmVkRXhcIiB8IFwiVVNQU1wiO1xuICAvKiogU2VjcmV0OiBwYXNzIGl0IGF0IGNhbGwgdGltZTsgaXQgaXMgbmV2ZXIgc3RvcmVkIGluIHRoZSBza2lsbC4gKi9cbiAgYXBpS2V5OiBzdHJpbmc7XG59XG5cbmV4cG9ydCBpbnRlcmZhY2UgT3V0cHV0IHtcbiAgbGFiZWxJZDogc3RyaW5nO1xuICB0cmFja2luZ051bWJlcjogc3RyaW5nO1xufVxuXG4vKiogU2VuZCB0aGUgY3VzdG9tZXIgb2Ygb3JkZXIgPG9yZGVySWQ+IGEgcHJlcGFpZCA8Y2Fycmllcj4gcmV0dXJuIGxhYmVsLiAodHJhY2UtY29tcGlsZWQgZnJvbSByZXR1cm4tbGFiZWwtODgyMS4pICovXG5leHBvcnQgZGVmYXVsdCBhc3luYyBmdW5jdGlvbiBzZW5kQ3VzdG9tZXJPcmRlcihpbnB1dDogSW5wdXQsIHRvb2xzOiBUb29scyk6IFByb21pc2U8T3V0cHV0PiB7XG4gIC8vIHJldHVybi1sYWJlbC04ODIxIHN0ZXAgMTogZ2V0X29yZGVyXG4gIGNvbnN0IG9yZGVyID0gYXdhaXQgdG9vbHMuZ2V0X29yZGVyKHsgaWQ6IGlucHV0Lm9yZGVySWQgfSk7XG4gIC8vIHJldHVybi1sYWJlbC04ODIxIHN0ZXAgMjogY3JlYXRlX3JldHVybl9sYWJlbFxuICBjb25zdCByZXR1cm5MYWJlbCA9IGF3YWl0IHRvb2xzLmNyZWF0ZV9yZXR1cm5fbGFiZWwoeyBvcmRlcklkOiBpbnB1dC5vcmRlcklkLCBjYXJyaWVyOiBpbnB1dC5jYXJyaWVyLCBhcGlLZXk6IGlucHV0LmFwaUtleSB9KTtcbiAgLy8gcmV0dXJuLWxhYmVsLTg4MjEgc3RlcCAzOiBzZW5kX2VtYWlsXG4gIGF3YWl0IHRvb2xzLnNlbmRfZW1haWwoe1xuICAgIHRvOiBvcmRlci5jdXN0b21lci5lbWFpbCxcbiAgICBzdWJqZWN0OiBgUmV0dXJuIGxhYmVsIGZvciBvcmRlciAke2lucHV0Lm9yZGVySWR9YCxcbiAgICBib2R5OiBgSGkgJHtvcmRlci5jdXN0b21lci5uYW1lfSwgcHJpbnQgeW91ciAke2lucHV0LmNhcnJpZXJ9IHJldHVybiBsYWJlbCBoZXJlOiAke3JldHVybkxhYmVsLmxhYmVsVXJsfWAsXG4gIH0pO1xuICByZXR1cm4geyBsYWJlbElkOiByZXR1cm5MYWJlbC5pZCwgdHJhY2tpbmdOdW1iZXI6IHJldHVybkxhYmVsLnRyYWNraW5nTnVtYmVyIH07XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBRU8sTUFBTSxPQUFPLEVBQUUsTUFBTSx1QkFBdUIsYUFBYSx5RUFBeUU7QUFlekksaUJBQU8sa0JBQXlDLE9BQWMsT0FBK0I7QUFFM0YsVUFBTSxRQUFRLE1BQU0sTUFBTSxVQUFVLEVBQUUsSUFBSSxNQUFNLFFBQVEsQ0FBQztBQUV6RCxVQUFNLGNBQWMsTUFBTSxNQUFNLG9CQUFvQixFQUFFLFNBQVMsTUFBTSxTQUFTLFNBQVMsTUFBTSxTQUFTLFFBQVEsTUFBTSxPQUFPLENBQUM7QUFFNUgsVUFBTSxNQUFNLFdBQVc7QUFBQSxNQUNyQixJQUFJLE1BQU0sU0FBUztBQUFBLE1BQ25CLFNBQVMsMEJBQTBCLE1BQU0sT0FBTztBQUFBLE1BQ2hELE1BQU0sTUFBTSxNQUFNLFNBQVMsSUFBSSxnQkFBZ0IsTUFBTSxPQUFPLHVCQUF1QixZQUFZLFFBQVE7QUFBQSxJQUN6RyxDQUFDO0FBQ0QsV0FBTyxFQUFFLFNBQVMsWUFBWSxJQUFJLGdCQUFnQixZQUFZLGVBQWU7QUFBQSxFQUMvRTsiLAogICJuYW1lcyI6IFtdCn0K
