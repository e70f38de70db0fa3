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

  // order_carrier_status.ts
  var order_carrier_status_exports = {};
  __export(order_carrier_status_exports, {
    default: () => orderCarrierStatus,
    meta: () => meta
  });
  var meta = { name: "order_carrier_status", description: "Where is order <orderId>? Tell me the carrier, the status and the last scan location." };
  async function orderCarrierStatus(input, tools) {
    const order = await tools.get_order({ id: input.orderId });
    const trackShipment = await tools.track_shipment({ trackingNumber: order.shipment.trackingNumber });
    return {
      orderId: input.orderId,
      carrier: trackShipment.carrier,
      status: trackShipment.status,
      lastLocation: trackShipment.events[0].location
    };
  }
  return __toCommonJS(order_carrier_status_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsib3JkZXJfY2Fycmllcl9zdGF0dXMudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwib3JkZXJfY2Fycmllcl9zdGF0dXNcIiwgZGVzY3JpcHRpb246IFwiV2hlcmUgaXMgb3JkZXIgPG9yZGVySWQ+PyBUZWxsIG1lIHRoZSBjYXJyaWVyLCB0aGUgc3RhdHVzIGFuZCB0aGUgbGFzdCBzY2FuIGxvY2F0aW9uLlwiIH0gYXMgY29uc3Q7XG5cbmV4cG9ydCBpbnRlcmZhY2UgSW5wdXQge1xuICBvcmRlcklkOiBzdHJpbmc7XG59XG5cbmV4cG9ydCBpbnRlcmZhY2UgT3V0cHV0IHtcbiAgb3JkZXJJZDogc3RyaW5nO1xuICBjYXJyaWVyOiBzdHJpbmc7XG4gIHN0YXR1czogc3RyaW5nO1xuICBsYXN0TG9jYXRpb246IHN0cmluZztcbn1cblxuLyoqIFdoZXJlIGlzIG9yZGVyIDxvcmRlcklkPj8gVGVsbCBtZSB0aGUgY2FycmllciwgdGhlIHN0YXR1cyBhbmQgdGhlIGxhc3Qgc2NhbiBsb2NhdGlvbi4gKHRyYWNlLWNvbXBpbGVkIGZyb20gb3JkZXItc3RhdHVzLTg4MTUsIG9yZGVyLXN0YXR1cy04ODE2LCBvcmRlci1zdGF0dXMtODgxOC4pICovXG5leHBvcnQgZGVmYXVsdCBhc3luYyBmdW5jdGlvbiBvcmRlckNhcnJpZXJTdGF0dXMoaW5wdXQ6IElucHV0LCB0b29sczogVG9vbHMpOiBQcm9taXNlPE91dHB1dD4ge1xuICAvLyBvcmRlci1zdGF0dXMtODgxNSBzdGVwIDE6IGdldF9vcmRlclxuICBjb25zdCBvcmRlciA9IGF3YWl0IHRvb2xzLmdldF9vcmRlcih7IGlkOiBpbnB1dC5vcmRlcklkIH0pO1xuICAvLyBvcmRlci1zdGF0dXMtODgxNSBzdGVwIDI6IHRyYWNrX3NoaXBtZW50XG4gIGNvbnN0IHRyYWNrU2hpcG1lbnQgPSBhd2FpdCB0b29scy50cmFja19zaGlwbWVudCh7IHRyYWNraW5nTnVtYmVyOiBvcmRlci5zaGlwbWVudC50cmFja2luZ051bWJlciB9KTtcbiAgcmV0dXJuIHtcbiAgICBvcmRlcklkOiBpbnB1dC5vcmRlcklkLFxuICAgIGNhcnJpZXI6IHRyYWNrU2hpcG1lbnQuY2FycmllcixcbiAgICBzdGF0dXM6IHRyYWNrU2hpcG1lbnQuc3RhdHVzLFxuICAgIGxhc3RMb2NhdGlvbjogdHJhY2tTaGlwbWVudC5ldmVudHNbMF0ubG9jYXRpb24sXG4gIH07XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBRU8sTUFBTSxPQUFPLEVBQUUsTUFBTSx3QkFBd0IsYUFBYSx3RkFBd0Y7QUFjekosaUJBQU8sbUJBQTBDLE9BQWMsT0FBK0I7QUFFNUYsVUFBTSxRQUFRLE1BQU0sTUFBTSxVQUFVLEVBQUUsSUFBSSxNQUFNLFFBQVEsQ0FBQztBQUV6RCxVQUFNLGdCQUFnQixNQUFNLE1BQU0sZUFBZSxFQUFFLGdCQUFnQixNQUFNLFNBQVMsZUFBZSxDQUFDO0FBQ2xHLFdBQU87QUFBQSxNQUNMLFNBQVMsTUFBTTtBQUFBLE1BQ2YsU0FBUyxjQUFjO0FBQUEsTUFDdkIsUUFBUSxjQUFjO0FBQUEsTUFDdEIsY0FBYyxjQUFjLE9BQU8sQ0FBQyxFQUFFO0FBQUEsSUFDeEM7QUFBQSxFQUNGOyIsCiAgIm5hbWVzIjogW10KfQo=
