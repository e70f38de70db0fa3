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

  // customer_order.ts
  var customer_order_exports = {};
  __export(customer_order_exports, {
    default: () => customerOrder,
    meta: () => meta
  });
  var meta = { name: "customer_order", description: "A customer wrote in from <email> asking where her order is." };
  async function customerOrder(input, tools) {
    const customer = await tools.find_customer({ email: input.email });
    const orders = await tools.list_orders({ customerId: customer.id });
    const order = await tools.get_order({ id: `${orders.orders[1].id}` });
    const trackShipment = await tools.track_shipment({ trackingNumber: order.shipment.trackingNumber });
    return {
      orderId: trackShipment.orderId,
      carrier: trackShipment.carrier,
      status: trackShipment.status,
      lastLocation: trackShipment.events[0].location
    };
  }
  return __toCommonJS(customer_order_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiY3VzdG9tZXJfb3JkZXIudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwiY3VzdG9tZXJfb3JkZXJcIiwgZGVzY3JpcHRpb246IFwiQSBjdXN0b21lciB3cm90ZSBpbiBmcm9tIDxlbWFpbD4gYXNraW5nIHdoZXJlIGhlciBvcmRlciBpcy5cIiB9IGFzIGNvbnN0O1xuXG5leHBvcnQgaW50ZXJmYWNlIElucHV0IHtcbiAgZW1haWw6IHN0cmluZztcbn1cblxuZXhwb3J0IGludGVyZmFjZSBPdXRwdXQge1xuICBvcmRlcklkOiBzdHJpbmc7XG4gIGNhcnJpZXI6IHN0cmluZztcbiAgc3RhdHVzOiBzdHJpbmc7XG4gIGxhc3RMb2NhdGlvbjogc3RyaW5nO1xufVxuXG4vKiogQSBjdXN0b21lciB3cm90ZSBpbiBmcm9tIDxlbWFpbD4gYXNraW5nIHdoZXJlIGhlciBvcmRlciBpcy4gKHRyYWNlLWNvbXBpbGVkIGZyb20gbXVsdGktdHVybi13aGVyZS1pcy1vcmRlci4pICovXG5leHBvcnQgZGVmYXVsdCBhc3luYyBmdW5jdGlvbiBjdXN0b21lck9yZGVyKGlucHV0OiBJbnB1dCwgdG9vbHM6IFRvb2xzKTogUHJvbWlzZTxPdXRwdXQ+IHtcbiAgLy8gbXVsdGktdHVybi13aGVyZS1pcy1vcmRlciBzdGVwIDE6IGZpbmRfY3VzdG9tZXJcbiAgY29uc3QgY3VzdG9tZXIgPSBhd2FpdCB0b29scy5maW5kX2N1c3RvbWVyKHsgZW1haWw6IGlucHV0LmVtYWlsIH0pO1xuICAvLyBtdWx0aS10dXJuLXdoZXJlLWlzLW9yZGVyIHN0ZXAgMjogbGlzdF9vcmRlcnNcbiAgY29uc3Qgb3JkZXJzID0gYXdhaXQgdG9vbHMubGlzdF9vcmRlcnMoeyBjdXN0b21lcklkOiBjdXN0b21lci5pZCB9KTtcbiAgLy8gbXVsdGktdHVybi13aGVyZS1pcy1vcmRlciBzdGVwIDM6IGdldF9vcmRlclxuICBjb25zdCBvcmRlciA9IGF3YWl0IHRvb2xzLmdldF9vcmRlcih7IGlkOiBgJHtvcmRlcnMub3JkZXJzWzFdLmlkfWAgfSk7XG4gIC8vIG11bHRpLXR1cm4td2hlcmUtaXMtb3JkZXIgc3RlcCA0OiB0cmFja19zaGlwbWVudFxuICBjb25zdCB0cmFja1NoaXBtZW50ID0gYXdhaXQgdG9vbHMudHJhY2tfc2hpcG1lbnQoeyB0cmFja2luZ051bWJlcjogb3JkZXIuc2hpcG1lbnQudHJhY2tpbmdOdW1iZXIgfSk7XG4gIHJldHVybiB7XG4gICAgb3JkZXJJZDogdHJhY2tTaGlwbWVudC5vcmRlcklkLFxuICAgIGNhcnJpZXI6IHRyYWNrU2hpcG1lbnQuY2FycmllcixcbiAgICBzdGF0dXM6IHRyYWNrU2hpcG1lbnQuc3RhdHVzLFxuICAgIGxhc3RMb2NhdGlvbjogdHJhY2tTaGlwbWVudC5ldmVudHNbMF0ubG9jYXRpb24sXG4gIH07XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBRU8sTUFBTSxPQUFPLEVBQUUsTUFBTSxrQkFBa0IsYUFBYSw4REFBOEQ7QUFjekgsaUJBQU8sY0FBcUMsT0FBYyxPQUErQjtBQUV2RixVQUFNLFdBQVcsTUFBTSxNQUFNLGNBQWMsRUFBRSxPQUFPLE1BQU0sTUFBTSxDQUFDO0FBRWpFLFVBQU0sU0FBUyxNQUFNLE1BQU0sWUFBWSxFQUFFLFlBQVksU0FBUyxHQUFHLENBQUM7QUFFbEUsVUFBTSxRQUFRLE1BQU0sTUFBTSxVQUFVLEVBQUUsSUFBSSxHQUFHLE9BQU8sT0FBTyxDQUFDLEVBQUUsRUFBRSxHQUFHLENBQUM7QUFFcEUsVUFBTSxnQkFBZ0IsTUFBTSxNQUFNLGVBQWUsRUFBRSxnQkFBZ0IsTUFBTSxTQUFTLGVBQWUsQ0FBQztBQUNsRyxXQUFPO0FBQUEsTUFDTCxTQUFTLGNBQWM7QUFBQSxNQUN2QixTQUFTLGNBQWM7QUFBQSxNQUN2QixRQUFRLGNBQWM7QUFBQSxNQUN0QixjQUFjLGNBQWMsT0FBTyxDQUFDLEVBQUU7QUFBQSxJQUN4QztBQUFBLEVBQ0Y7IiwKICAibmFtZXMiOiBbXQp9Cg==
